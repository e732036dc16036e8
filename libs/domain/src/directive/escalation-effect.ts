import type { Actor } from '../shared/actor';
import type { CaseEffect, CaseOrigin } from '../kernel/effects';
import type { DirectiveEvent } from './events';
import { DIRECTIVE_CASE_TYPE } from './projection';
import type { DirectiveState } from './state';

/**
 * 办法 第三十条、第三十一条: a serious hazard is reported to the next-higher department (the city bureau), as a child
 * escalation whose answer comes back as RecordEscalationOutcome; the written report to the district government is
 * recorded on the event itself (its number).
 */
export function directiveEffectsOf(event: DirectiveEvent, state: DirectiveState, origin: CaseOrigin, actor: Actor): CaseEffect[] {
  if (event.type !== 'SeriousHazardReported' || !state.equipment) return [];
  const { escalationId, reportedOn, summary } = event.payload;
  const e = state.equipment;
  return [
    {
      kind: 'startEscalation',
      escalationId,
      actor,
      command: {
        type: 'OpenEscalation',
        target: { kind: 'city_bureau' },
        subject: `特种设备严重事故隐患报告：${e.registrationCode}`,
        legalGround: '《特种设备安全监督检查办法》第三十条、第三十一条',
        caseSummary: {
          caseId: origin.caseId,
          caseType: DIRECTIVE_CASE_TYPE,
          title: `${e.registrationCode} ${e.location}`,
          partyName: e.userUnit.name,
          facts: summary,
        },
        section: 'special_equipment',
        openedOn: reportedOn,
        parent: { workflowId: origin.caseId, caseType: DIRECTIVE_CASE_TYPE },
      },
    },
  ];
}
