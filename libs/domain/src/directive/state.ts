import type { IsoDate } from '../shared/iso-date';
import type { DirectiveFineRange, DirectiveRuleSet } from '../policy/directive-rules';
import type { Equipment } from './equipment';
import type { Severity } from './commands';
import type { CertifiedInspector, DirectiveDeadline } from './events';

export interface DirectiveState {
  status: 'none' | 'open' | 'closed';
  origin: 'inspection' | 'emergency' | null;
  equipment: Equipment | null;
  severity: Severity;
  findings: string;
  inspectors: CertifiedInspector[];
  openedOn: IsoDate | null;
  unitSignature: { signed: boolean; signedBy?: string; refusalNote?: string } | null;
  immediateStop: boolean;
  emergencyOrder: { orderedOn: IsoDate; orderedAt: string; place: string; measures: string } | null;
  directive: {
    directiveNo: string;
    issuedOn: IsoDate;
    items: { problem: string; measure: string }[];
    legalBasis: string;
    rectifyBy: IsoDate;
    service: {
      method: 'direct' | 'refused_left_on_premises';
      servedOn: IsoDate;
      receivedBy?: string;
      refusalNote?: string;
      witnesses?: string[];
    };
    lateByWorkingDays: number | null;
  } | null;
  report: { reportedOn: IsoDate; summary: string } | null;
  reinspection: { reinspectedOn: IsoDate; mode: 'on_site' | 'documents'; result: 'rectified' | 'not_rectified'; findings: string } | null;
  refusal: { refusedOn: IsoDate; facts: string; fineRange: DirectiveFineRange } | null;
  penaltyCaseId: string | null;
  seal: {
    sealedOn: IsoDate;
    measure: 'seal' | 'seize';
    decisionNo: string;
    expiresOn: IsoDate;
    extendedDays: number;
    releasedOn: IsoDate | null;
    releaseReason: string | null;
  } | null;
  hazardReports: { escalationId: string; reportedOn: IsoDate; districtGovernmentReportNo: string; outcome: string | null }[];
  rules: DirectiveRuleSet | null;
  lastActDate: IsoDate | null;
  deadlines: Record<string, DirectiveDeadline>;
  raisedNotices: string[];
  closure: { closedOn: IsoDate; outcome: string } | null;
}

export function initialDirectiveState(): DirectiveState {
  return {
    status: 'none',
    origin: null,
    equipment: null,
    severity: 'ordinary',
    findings: '',
    inspectors: [],
    openedOn: null,
    unitSignature: null,
    immediateStop: false,
    emergencyOrder: null,
    directive: null,
    report: null,
    reinspection: null,
    refusal: null,
    penaltyCaseId: null,
    seal: null,
    hazardReports: [],
    rules: null,
    lastActDate: null,
    deadlines: {},
    raisedNotices: [],
    closure: null,
  };
}

export function sealActive(state: DirectiveState): boolean {
  return state.seal !== null && state.seal.releasedOn === null;
}
