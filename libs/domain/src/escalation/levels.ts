import type { EscalationLevelKind } from '../policy/escalation-rules';
import { BOUNDARY_DEPARTMENTS, type BoundaryDepartmentKey } from './boundary-table';
import type { EscalationTarget } from './commands';

/** One body the escalation must pass. `key` is unique in a chain and names the level in events and deadlines. */
export interface EscalationLevel {
  key: string;
  kind: EscalationLevelKind;
  nameZh: string;
  nameEn: string;
  department?: BoundaryDepartmentKey;
}

const CITY: EscalationLevel = { key: 'city_bureau', kind: 'city_bureau', nameZh: '市质监局', nameEn: 'city bureau' };
const PROVINCE: EscalationLevel = { key: 'province', kind: 'province', nameZh: '省质监局', nameEn: 'provincial bureau' };
const CNCA: EscalationLevel = { key: 'cnca', kind: 'cnca', nameZh: '国家认监委', nameEn: 'CNCA' };
const POLICE: EscalationLevel = { key: 'police', kind: 'police', nameZh: '公安机关', nameEn: 'police' };

/**
 * The levels a report passes, from the first addressee to the body that decides (逐级上报): the district never
 * writes past its superior. City: the city bureau decides. Province: via the city bureau, which forwards
 * (e.g. an inspection agency's qualification). CNCA: district → city → province → CNCA (revoking a certification
 * body's approval). Police and peer departments receive the transfer directly (同级移送).
 */
export function escalationChain(target: EscalationTarget): EscalationLevel[] {
  switch (target.kind) {
    case 'city_bureau':
      return [CITY];
    case 'province':
      return [CITY, PROVINCE];
    case 'cnca':
      return [CITY, PROVINCE, CNCA];
    case 'police':
      return [POLICE];
    case 'peer_department':
      return [
        {
          key: `peer:${target.department}`,
          kind: 'peer_department',
          nameZh: BOUNDARY_DEPARTMENTS[target.department],
          nameEn: `peer department ${target.department}`,
          department: target.department,
        },
      ];
    default: {
      const never: never = target;
      return never;
    }
  }
}

/** What each kind of level may decide. Any level may decide within its authority, which ends the chain. */
export const OUTCOMES_BY_LEVEL_KIND = {
  city_bureau: ['approved', 'revoked', 'suspended', 'rejected'],
  province: ['approved', 'revoked', 'suspended', 'rejected'],
  cnca: ['approved', 'revoked', 'suspended', 'rejected'],
  police: ['accepted_for_investigation', 'declined'],
  peer_department: ['accepted', 'declined'],
} as const satisfies Record<EscalationLevelKind, readonly string[]>;
