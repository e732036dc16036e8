import { any, HANDLERS, HEAD, own, type Rule } from '../authorization/grants';
import type { EscalationCaseCommand, EscalationOpeningCommand } from './commands';

/** 上报/移送. */
export const ESCALATION_COMMAND_POLICY = {
  OpenEscalation: { grants: [own('officer'), own('section_chief'), any('bureau_head')], basis: '承办科室拟稿 / drafted by the section' },
  SubmitEscalation: { grants: HEAD, basis: '对外行文由局长签发 / outbound documents are signed by the head' },
  RecordAcknowledgement: {
    grants: [...HANDLERS, { role: 'officer', scope: { onlySection: 'office' } }, any('bureau_head')],
    basis: '登记来文 / recording a response',
  },
  RecordForwarding: {
    grants: [...HANDLERS, { role: 'officer', scope: { onlySection: 'office' } }, any('bureau_head')],
    basis: '登记来文 / recording a response',
  },
  RecordDecision: {
    grants: [...HANDLERS, { role: 'officer', scope: { onlySection: 'office' } }, any('bureau_head')],
    basis: '登记来文 / recording a response',
  },
  WithdrawEscalation: { grants: HEAD, basis: '撤回由局长决定 / withdrawal is the head’s decision' },
  ResubmitEscalation: { grants: HEAD, basis: '对外行文由局长签发 / outbound documents are signed by the head' },
} as const satisfies Record<EscalationOpeningCommand['type'] | EscalationCaseCommand['type'], Rule>;
