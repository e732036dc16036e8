// 科室与角色的中文名 (domain.md §1), shared by the pages' scripts. The domain's own copy is SECTION_NAMES in
// libs/domain/src/shared/actor.ts; the UI is plain static JavaScript and cannot import it.
'use strict';

const SECTION_ZH = {
  office: '办公室',
  quality: '质量监督科',
  enforcement: '稽查队',
  standards: '标准化科',
  metrology: '计量科',
  special_equipment: '特种设备安全监察科',
};

const ROLE_NAMES = {
  officer: '执法人员',
  section_chief: '科长',
  bureau_head: '局长',
  case_review_committee: '案审会',
  auditor: '审计',
  administrator: '管理员',
};

/** Every <select data-sections> gets the six sections after its own first option (全部 / 无). */
for (const select of document.querySelectorAll('select[data-sections]')) {
  for (const [key, name] of Object.entries(SECTION_ZH)) {
    const option = document.createElement('option');
    option.value = key;
    option.textContent = name;
    select.append(option);
  }
}
