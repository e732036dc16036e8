// 事故调查 on the case page: kind, grade, who leads (whose move), hours since the report, the reports upward still
// owed (overdue first). Read from the case's state in the read model; the server's registry names everything else.
'use strict';

const ACCIDENT_KIND_ZH = {
  special_equipment: '特种设备事故',
  product_quality: '产品质量事故',
  food_related_product: '食品相关产品质量安全事故',
};
const ACCIDENT_GRADE_ZH = { extraordinary: '特别重大事故', major: '重大事故', larger: '较大事故', general: '一般事故' };
const ACCIDENT_LEAD_ZH = {
  district_bureau: '本局组织调查',
  city_department: '市局组织调查，本局参与（《特种设备安全法》第七十二条）',
  province_department: '省局组织调查，本局参与（《特种设备安全法》第七十二条）',
  samr: '国家市场监督管理总局组织调查，本局参与（《特种设备安全法》第七十二条）',
  state_council: '国务院或其授权部门组织调查，本局参与（《特种设备安全法》第七十二条）',
};

/** Beijing time of an instant, YYYY-MM-DD HH:mm. */
function accidentMinute(iso) {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function accidentCard(c) {
  const s = c.state || {};
  const now = Date.now();
  const hours = s.receivedAt ? Math.floor((now - Date.parse(s.receivedAt)) / 3600_000) : null;
  const owed = Object.values(s.hourLimits || {}).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return el(
    'div',
    { class: 'card' },
    el('h3', {}, '事故 Accident'),
    el(
      'p',
      {},
      `类别：${ACCIDENT_KIND_ZH[s.kind] || s.kind}　等级：${ACCIDENT_GRADE_ZH[s.grade] || '未定级'}　` +
        `调查：${ACCIDENT_LEAD_ZH[s.lead] || '待界定'}　` +
        (hours === null ? '' : `接报至今 ${hours} 小时（接报 ${accidentMinute(s.receivedAt)}）`) +
        (s.unitReportLate ? '　事故单位迟报（超过1小时）' : ''),
    ),
    owed.length === 0
      ? el('p', { class: 'muted' }, '上报均已完成 / every report upward made')
      : el(
          'ul',
          {},
          owed.map((h) => {
            const late = Date.parse(h.dueAt) < now;
            return el(
              'li',
              { class: late ? 'error' : '' },
              `${h.labelZh}：限 ${accidentMinute(h.dueAt)} 前${late ? '（已逾期）' : ''}（${h.legalSource}）`,
            );
          }),
        ),
  );
}

/** 事故 page: the open accidents, a report upward past its hour limit first, then by grade (GET /api/accidents). */
async function loadAccidents(event) {
  event?.preventDefault();
  const form = $('#accident-filters');
  const params = new URLSearchParams();
  if (form.grade.value) params.set('grade', form.grade.value);
  if (form.includeClosed.checked) params.set('includeClosed', 'true');
  const out = $('#accident-list');
  const { ok, data } = await api('GET', `/api/accidents?${params}`);
  if (!ok) return out.replaceChildren(el('p', { class: 'error' }, data.message));
  if (data.items.length === 0) return out.replaceChildren(el('p', { class: 'muted' }, '没有事故案件 / no accidents'));
  const now = Date.now();
  out.replaceChildren(
    el(
      'table',
      {},
      el(
        'tr',
        {},
        ['案件 Case', '类别 Kind', '等级 Grade', '调查 Lead', '接报至今 Since report', '尚欠上报 Reports owed', '阶段 Stage'].map((h) =>
          el('th', {}, h),
        ),
      ),
      ...data.items.map((c) =>
        el(
          'tr',
          { class: c.reportOverdue ? 'overdue' : '' },
          el('td', {}, el('a', { href: '#', onclick: (e) => (e.preventDefault(), openCase(c.caseId)) }, c.caseId)),
          el('td', {}, ACCIDENT_KIND_ZH[c.kind] || c.kind),
          el('td', {}, c.grade ? ACCIDENT_GRADE_ZH[c.grade] : '未定级'),
          el('td', {}, c.lead ? ACCIDENT_LEAD_ZH[c.lead].replace(/（.*）$/, '') : '待界定'),
          el('td', {}, c.hoursSinceReport === null ? '—' : `${c.hoursSinceReport} 小时`),
          el(
            'td',
            {},
            c.reportsOwed.length === 0
              ? '—'
              : c.reportsOwed
                  .map((h) => `${h.labelZh} 限 ${accidentMinute(h.dueAt)}${Date.parse(h.dueAt) < now ? '（已逾期）' : ''}`)
                  .join('；'),
          ),
          el('td', {}, stageZh(c.stage, c.caseType)),
        ),
      ),
    ),
  );
}
document.addEventListener('DOMContentLoaded', () => $('#accident-filters')?.addEventListener('submit', loadAccidents));
