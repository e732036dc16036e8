import type { NewUser } from './user-schemas';

/** Demo password for every demo account (local runs only; `seed-demo` refuses to run with NODE_ENV=production). */
export const DEMO_PASSWORD = 'qts-demo-password';

const VALID = { validFrom: '2024-01-01', validTo: '2029-12-31' };
let serial = 0;
const certificate = (valid = VALID) => ({ number: `32010${String(++serial).padStart(4, '0')}`, ...valid });

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
    { id: 'head-wang', name: '王建国', section: null, roles: ['bureau_head', 'case_review_committee'], certificate: certificate() },
    { id: 'committee', name: '陈志远', section: null, roles: ['case_review_committee'], certificate: null },
    { id: 'auditor-zhou', name: '周敏', section: null, roles: ['auditor'], certificate: null },
    chief('chief-sun', '孙丽', 'office'),
    officer('officer-qian', '钱进（法制审核）', 'office'),
    chief('chief-liu', '刘洋', 'quality'),
    officer('officer-chen', '陈静', 'quality'),
    officer('officer-yang', '杨帆', 'quality'),
    chief('chief-zhao', '赵刚', 'enforcement'),
    officer('officer-li', '李明', 'enforcement'),
    officer('officer-zhao', '赵磊', 'enforcement'),
    officer('officer-wu', '吴昊', 'enforcement'),
    chief('chief-huang', '黄蓉', 'standards'),
    officer('officer-he', '何伟', 'standards'),
    chief('chief-lin', '林峰', 'metrology'),
    officer('officer-guo', '郭敏', 'metrology'),
    officer('officer-ma', '马超（执法证已过期）', 'metrology', { validFrom: '2019-01-01', validTo: '2024-12-31' }),
    chief('chief-xu', '徐波', 'special_equipment'),
    officer('officer-hu', '胡军', 'special_equipment'),
    officer('officer-zhu', '朱琳', 'special_equipment'),
  ];
}
