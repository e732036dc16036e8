import type { z } from 'zod';
import { isDomainError, domainError } from '../shared/domain-error';
import { endOfPeriod } from '../shared/legal-calendar';
import { checkActDate, checkNotYetOpen, checkRole, firstError, type DecideContext } from '../shared/decide-guards';
import { resolveRecallRules } from '../policy/recall-rules';
import type {
  closeWithoutDefect,
  decideObjection,
  notifyProducer,
  orderRecall,
  raiseObjection,
  registerDefectSignal,
  startDefectInvestigation,
} from './commands';
import { recallDeadline } from './deadlines';
import { checkStage, RECALL, RECORDERS, rulesOf, type Result } from './decide-guards';
import type { RecallState } from './state';

export function decideRegister(state: RecallState, cmd: z.infer<typeof registerDefectSignal>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkNotYetOpen(state.stage !== 'none', RECALL),
    checkRole(ctx, RECORDERS, 'RegisterDefectSignal', '缺陷线索由承办科室登记 / registered by the section'),
    checkActDate(state, ctx, cmd.receivedOn, '收到线索'),
    cmd.source === 'producer_report' && !cmd.producerReport
      ? domainError(
          'PRODUCER_REPORT_MISSING',
          '生产者报告的线索须载明报告事项、获知日期和报告日期 / a producer report needs its kind and dates',
        )
      : null,
    cmd.producerReport && cmd.producerReport.reportedOn < cmd.producerReport.learnedOn
      ? domainError('REPORT_BEFORE_LEARNING', '报告日期不能早于获知日期 / reported before it was learned')
      : null,
  );
  if (invalid) return invalid;
  const rules = resolveRecallRules(cmd.product.category, cmd.receivedOn);
  if (isDomainError(rules)) return rules;
  const report = cmd.producerReport;
  const late = report ? report.reportedOn > endOfPeriod(ctx.calendar, report.learnedOn, rules.producerReport.value).date : null;
  return [
    {
      type: 'DefectSignalRegistered',
      payload: {
        section: cmd.section,
        product: cmd.product,
        producer: cmd.producer,
        source: cmd.source,
        receivedOn: cmd.receivedOn,
        description: cmd.description,
        sourceCaseId: cmd.sourceCaseId ?? null,
        producerReport: report ?? null,
        producerReportLate: late,
        leadAuthority: rules.lead.value,
        leadSource: rules.lead.source,
        rules: rules as unknown as Record<string, unknown>,
        deadlines: { set: [recallDeadline(ctx, rules, 'investigation', cmd.receivedOn, rules.investigation)], clear: [] },
      },
    },
  ];
}

export function decideInvestigation(state: RecallState, cmd: z.infer<typeof startDefectInvestigation>, ctx: DecideContext): Result {
  const rules = rulesOf(state);
  const invalid = firstError(
    checkRole(ctx, RECORDERS, 'StartDefectInvestigation', '承办科室办理 / handled by the section'),
    checkStage(state, ['signal_received'], 'StartDefectInvestigation'),
    checkActDate(state, ctx, cmd.startedOn, '开始调查'),
    cmd.mode === 'district' && rules.lead.value === 'samr'
      ? domainError(
          'RECALL_LED_NATIONALLY',
          `缺陷汽车产品的缺陷调查由国务院产品质量监督部门组织，区局只能上报并协助（${rules.lead.source}）/ vehicle defect investigations are national: report upward`,
        )
      : null,
  );
  if (invalid) return invalid;
  const upward = cmd.mode === 'reported_upward';
  return [
    {
      type: 'DefectInvestigationStarted',
      payload: {
        startedOn: cmd.startedOn,
        mode: cmd.mode,
        ...(cmd.reference ? { reference: cmd.reference } : {}),
        note: cmd.note,
        deadlines: upward
          ? { set: [recallDeadline(ctx, rules, 'upward_answer', cmd.startedOn, rules.upwardAnswer)], clear: ['investigation'] }
          : { set: [], clear: [] },
      },
    },
  ];
}

export function decideNotify(state: RecallState, cmd: z.infer<typeof notifyProducer>, ctx: DecideContext): Result {
  const rules = rulesOf(state);
  const invalid = firstError(
    checkRole(ctx, RECORDERS, 'NotifyProducer', '登记缺陷调查结论通知 / recording the notice'),
    checkStage(state, ['investigating', 'reported_upward'], 'NotifyProducer'),
    checkActDate(state, ctx, cmd.notifiedOn, '通知生产者'),
  );
  if (invalid) return invalid;
  return [
    {
      type: 'ProducerNotified',
      payload: {
        notifiedOn: cmd.notifiedOn,
        findings: cmd.findings,
        notifiedBy: cmd.notifiedBy,
        deadlines: {
          set: [recallDeadline(ctx, rules, 'objection', cmd.notifiedOn, rules.objection)],
          clear: ['investigation', 'upward_answer'],
        },
      },
    },
  ];
}

export function decideCloseWithoutDefect(state: RecallState, cmd: z.infer<typeof closeWithoutDefect>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkRole(ctx, ['section_chief', 'bureau_head'], 'CloseWithoutDefect', '未发现缺陷的线索由科长或局长决定办结（本局规定）'),
    checkStage(state, ['signal_received', 'investigating', 'reported_upward'], 'CloseWithoutDefect'),
    checkActDate(state, ctx, cmd.closedOn, '办结'),
  );
  if (invalid) return invalid;
  return [{ type: 'RecallClosed', payload: { closedOn: cmd.closedOn, outcome: 'no_defect', deadlines: { set: [], clear: [] } } }];
}

export function decideRaiseObjection(state: RecallState, cmd: z.infer<typeof raiseObjection>, ctx: DecideContext): Result {
  const window = state.deadlines['objection'];
  const invalid = firstError(
    checkRole(ctx, RECORDERS, 'RaiseObjection', '登记生产者异议 / recording the objection'),
    checkStage(state, ['producer_notified'], 'RaiseObjection'),
    checkActDate(state, ctx, cmd.raisedOn, '提出异议'),
    window && cmd.raisedOn > window.due
      ? domainError(
          'OBJECTION_PERIOD_EXPIRED',
          `异议期已于 ${window.due} 届满（${window.legalSource}）/ the objection period ended on ${window.due}`,
          {
            due: window.due,
          },
        )
      : null,
  );
  if (invalid) return invalid;
  return [
    { type: 'ObjectionRaised', payload: { raisedOn: cmd.raisedOn, grounds: cmd.grounds, deadlines: { set: [], clear: ['objection'] } } },
  ];
}

export function decideObjectionOutcome(state: RecallState, cmd: z.infer<typeof decideObjection>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkRole(ctx, RECORDERS, 'DecideObjection', '登记主管部门对异议的论证结论 / recording the authority’s answer'),
    checkStage(state, ['objection'], 'DecideObjection'),
    checkActDate(state, ctx, cmd.decidedOn, '异议论证结论'),
  );
  if (invalid) return invalid;
  const decided = {
    type: 'ObjectionDecided' as const,
    payload: {
      decidedOn: cmd.decidedOn,
      outcome: cmd.outcome,
      decidedBy: cmd.decidedBy,
      reasoning: cmd.reasoning,
      deadlines: { set: [], clear: [] },
    },
  };
  if (cmd.outcome === 'overruled') return [decided];
  return [decided, { type: 'RecallClosed', payload: { closedOn: cmd.decidedOn, outcome: 'no_defect', deadlines: { set: [], clear: [] } } }];
}

export function decideOrder(state: RecallState, cmd: z.infer<typeof orderRecall>, ctx: DecideContext): Result {
  const rules = rulesOf(state);
  const window = state.deadlines['objection'];
  const invalid = firstError(
    checkRole(ctx, RECORDERS, 'OrderRecall', '登记主管部门责令召回 / recording the order'),
    checkStage(state, ['producer_notified', 'defect_confirmed'], 'OrderRecall'),
    checkActDate(state, ctx, cmd.orderedOn, '责令召回'),
    state.stage === 'producer_notified' && window && cmd.orderedOn <= window.due
      ? domainError(
          'OBJECTION_PERIOD_RUNNING',
          `异议期至 ${window.due} 届满前不能责令召回：生产者既不召回又不在期限内提出异议的，方可责令召回（${window.legalSource}）/ the objection period runs until ${window.due}`,
          { due: window.due },
        )
      : null,
  );
  if (invalid) return invalid;
  return [
    {
      type: 'RecallOrdered',
      payload: {
        orderedOn: cmd.orderedOn,
        orderedBy: cmd.orderedBy,
        reference: cmd.reference,
        deadlines: { set: [recallDeadline(ctx, rules, 'plan_filing', cmd.orderedOn, rules.planAfterOrder)], clear: ['objection'] },
      },
    },
  ];
}
