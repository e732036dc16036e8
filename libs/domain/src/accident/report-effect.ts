import type { Actor } from '../shared/actor';
import { shanghaiDate } from '../shared/iso-date';
import type { CaseEffect, CaseOrigin } from '../kernel/effects';
import { ACCIDENT_GRADE_NAMES, reportCeilingOf } from '../policy/accident-rules';
import type { AccidentEvent } from './events';
import type { BoundaryDepartmentKey } from '../escalation/boundary-table';
import { ACCIDENT_CASE_TYPE } from './projection';
import type { AccidentState } from './state';

/**
 * The report to the superior department goes up level by level as a child escalation (特种设备安全法 第七十条第二款):
 * to the city for 一般, through the city to the province above that (the escalation's chain ends at the province;
 * the province carries a 重大/特别重大 report further). Its answer comes back as RecordEscalationOutcome.
 */
export function accidentEffectsOf(event: AccidentEvent, state: AccidentState, origin: CaseOrigin, actor: Actor): CaseEffect[] {
  if (event.type === 'OutcomeRecorded') return outcomeEffects(event.payload, state, origin, actor);
  if (event.type !== 'AccidentReportedUpward' || !event.payload.escalationId) return [];
  const ceiling = state.grade ? reportCeilingOf(state.grade) : null;
  const grade = state.grade ? ACCIDENT_GRADE_NAMES[state.grade] : '未定级';
  return [
    {
      kind: 'startEscalation',
      escalationId: event.payload.escalationId,
      actor,
      command: {
        type: 'OpenEscalation',
        target: { kind: ceiling && ceiling.ceiling !== 'city' ? 'province' : 'city_bureau' },
        subject: `事故上报（${grade}）：${state.subject}`.slice(0, 200),
        legalGround: `《特种设备安全法》第七十条第二款；${ceiling?.source ?? '《生产安全事故报告和调查处理条例》第十条'}`,
        caseSummary: {
          caseId: origin.caseId,
          caseType: ACCIDENT_CASE_TYPE,
          title: state.subject.slice(0, 200),
          partyName: state.place.slice(0, 200),
          facts: event.payload.content.slice(0, 8000),
        },
        section: state.section,
        openedOn: shanghaiDate(Date.parse(event.payload.reportedAt)),
        parent: { workflowId: origin.caseId, caseType: ACCIDENT_CASE_TYPE },
      },
    },
  ];
}

type OutcomePayload = Extract<AccidentEvent, { type: 'OutcomeRecorded' }>['payload'];

/** 移送公安 (《行政执法机关移送涉嫌犯罪案件的规定》) or 通报相关部门 (职责边界), sent as a child escalation. */
function outcomeEffects(p: OutcomePayload, state: AccidentState, origin: CaseOrigin, actor: Actor): CaseEffect[] {
  if (p.penaltyCaseId && p.party) return [penaltyCaseEffect(p.penaltyCaseId, p.party, p, state, origin, actor)];
  if (!p.escalationId) return [];
  const police = p.outcome === 'police_transfer';
  const department = p.department as BoundaryDepartmentKey | undefined;
  if (!police && !department) return [];
  return [
    {
      kind: 'startEscalation',
      escalationId: p.escalationId,
      actor,
      command: {
        type: 'OpenEscalation',
        target: police || !department ? { kind: 'police' } : { kind: 'peer_department', department },
        subject: `${police ? '事故调查移送涉嫌犯罪案件' : '事故调查通报'}：${state.subject}`.slice(0, 200),
        legalGround: police
          ? '《行政执法机关移送涉嫌犯罪案件的规定》；《生产安全事故报告和调查处理条例》第二十六条第三款、第三十二条第四款'
          : '职责边界（本局与相关部门协作约定）；《生产安全事故报告和调查处理条例》第三十二条第二款',
        caseSummary: {
          caseId: origin.caseId,
          caseType: ACCIDENT_CASE_TYPE,
          title: state.subject.slice(0, 200),
          partyName: state.place.slice(0, 200),
          facts: p.description.slice(0, 8000),
        },
        section: state.section,
        openedOn: p.recordedOn,
        parent: { workflowId: origin.caseId, caseType: ACCIDENT_CASE_TYPE },
      },
    },
  ];
}

/** 立案查处: a lead for 执法稽查科 against the party the investigation found liable, naming the accident (links back). */
function penaltyCaseEffect(
  caseId: string,
  party: NonNullable<OutcomePayload['party']>,
  p: OutcomePayload,
  state: AccidentState,
  origin: CaseOrigin,
  actor: Actor,
): CaseEffect {
  return {
    kind: 'startCase',
    caseType: 'penalty',
    caseId,
    section: 'enforcement',
    actor,
    command: {
      type: 'RegisterLead',
      section: 'enforcement',
      title: `${party.name}（事故调查移交：${state.subject}）`.slice(0, 200),
      party: { kind: party.kind, name: party.name.slice(0, 200), ...(party.idNumber ? { idNumber: party.idNumber } : {}) },
      discoveredOn: p.recordedOn,
      leadSource: 'referral',
      summary: `事故调查案件 ${origin.caseId}（${state.place}）处理结果 ${p.outcomeId}：${p.description}`.slice(0, 4000),
    },
  };
}
