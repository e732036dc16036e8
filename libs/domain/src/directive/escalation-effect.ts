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
  if (event.type === 'PenaltyCaseLinked') return penaltyCaseEffects(event.payload, state, origin, actor);
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

/**
 * A penalty case the directive opens itself: a lead (立案前核查) for 执法稽查科 against the user unit, naming the
 * directive and what was refused, as a child process; its id is recorded on the directive, and the lead names the
 * directive, so each links to the other.
 */
function penaltyCaseEffects(
  p: Extract<DirectiveEvent, { type: 'PenaltyCaseLinked' }>['payload'],
  state: DirectiveState,
  origin: CaseOrigin,
  actor: Actor,
): CaseEffect[] {
  if (!p.opened || !state.equipment) return [];
  const e = state.equipment;
  const what = state.refusal ? `拒不执行特种设备安全监察指令：${state.refusal.facts}` : `特种设备重大违法行为：${state.findings}`;
  return [
    {
      kind: 'startCase',
      caseType: 'penalty',
      caseId: p.penaltyCaseId,
      section: 'enforcement',
      actor,
      command: {
        type: 'RegisterLead',
        section: 'enforcement',
        title: `${e.userUnit.name} ${e.registrationCode}（${state.refusal ? '拒不执行安全监察指令' : '重大违法行为'}）`.slice(0, 200),
        party: { kind: 'organisation', name: e.userUnit.name },
        discoveredOn: p.linkedOn,
        leadSource: 'inspection',
        summary: `特种设备安全监察指令案件 ${origin.caseId}（${e.registrationCode}，${e.location}）：${what}`.slice(0, 4000),
      },
    },
  ];
}
