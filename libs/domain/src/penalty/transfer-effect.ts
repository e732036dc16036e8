import type { Actor } from '../shared/actor';
import type { CaseEffect, CaseOrigin } from '../kernel/effects';
import { PENALTY_CASE_TYPE } from './projection';
import type { PenaltyEvent } from './events';
import type { PenaltyState } from './state';

/**
 * 移送公安 runs as a child escalation to the police (《行政处罚法》第二十七条); its answer comes back as the system
 * command RecordEscalationOutcome. Opened in the name of whoever decided the transfer (the bureau head).
 */
export function penaltyEffectsOf(event: PenaltyEvent, state: PenaltyState, origin: CaseOrigin, actor: Actor): CaseEffect[] {
  if (event.type !== 'CaseTransferredToPolice') return [];
  const { escalationId, decidedOn, grounds } = event.payload;
  return [
    {
      kind: 'startEscalation',
      escalationId,
      actor,
      command: {
        type: 'OpenEscalation',
        target: { kind: 'police' },
        subject: `移送涉嫌犯罪案件：${state.title}`,
        legalGround: '《行政处罚法》第二十七条；《行政执法机关移送涉嫌犯罪案件的规定》',
        caseSummary: {
          caseId: origin.caseId,
          caseType: PENALTY_CASE_TYPE,
          title: state.title,
          partyName: state.party.name,
          facts: grounds,
        },
        section: state.section,
        openedOn: decidedOn,
        parent: { workflowId: origin.caseId, caseType: PENALTY_CASE_TYPE },
      },
    },
  ];
}
