import type { NewUser } from './user-schemas';

/** Demo password for every demo account (local runs only; `seed-demo` refuses to run with NODE_ENV=production). */
export const DEMO_PASSWORD = 'qts-demo-password';

const VALID = { validFrom: '2024-01-01', validTo: '2029-12-31' };
let serial = 0;
const certificate = (valid = VALID) => ({ number: `执法证 32010${String(++serial).padStart(4, '0')}`, ...valid });

type DemoUser = Omit<NewUser, 'password'>;

const officer = (id: string, name: string, section: NewUser['section'], valid = VALID): DemoUser => ({
  id,
  name,
  section,
  roles: ['officer'],
  certificate: certificate(valid),
});
const chief = (id: string, name: string, section: NewUser['section']): DemoUser => ({
  id,
  name,
  section,
  roles: ['section_chief', 'officer'],
  certificate: certificate(),
});

/** A district bureau as domain.md §1 describes it: the six sections, their chiefs and officers, the leadership. */
export function demoBureau(): DemoUser[] {
  serial = 0;
  return [
    { id: 'admin', name: '系统管理员', section: 'office', roles: ['administrator'], certificate: null },
    { id: 'head-wang', name: '王局长', section: null, roles: ['bureau_head', 'case_review_committee'], certificate: certificate() },
    { id: 'committee', name: '案审会委员 陈', section: null, roles: ['case_review_committee'], certificate: null },
    { id: 'auditor-zhou', name: '审计 周', section: null, roles: ['auditor'], certificate: null },
    chief('chief-sun', '孙科长（办公室）', 'office'),
    officer('officer-qian', '钱（法制审核）', 'office'),
    chief('chief-liu', '刘科长（质量监督科）', 'quality'),
    officer('officer-chen', '陈（质量监督科）', 'quality'),
    officer('officer-yang', '杨（质量监督科）', 'quality'),
    chief('chief-zhao', '赵队长（稽查队）', 'enforcement'),
    officer('officer-li', '李（稽查队）', 'enforcement'),
    officer('officer-zhao', '赵（稽查队）', 'enforcement'),
    officer('officer-wu', '吴（稽查队）', 'enforcement'),
    chief('chief-huang', '黄科长（标准化科）', 'standards'),
    officer('officer-he', '何（标准化科）', 'standards'),
    chief('chief-lin', '林科长（计量科）', 'metrology'),
    officer('officer-guo', '郭（计量科）', 'metrology'),
    officer('officer-ma', '马（计量科，执法证已过期）', 'metrology', { validFrom: '2019-01-01', validTo: '2024-12-31' }),
    chief('chief-xu', '徐科长（特种设备安全监察科）', 'special_equipment'),
    officer('officer-hu', '胡（特种设备安全监察科）', 'special_equipment'),
    officer('officer-zhu', '朱（特种设备安全监察科）', 'special_equipment'),
  ];
}
