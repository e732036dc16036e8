import type { z } from 'zod';
import { domainError } from '../shared/domain-error';
import { endOfPeriod } from '../shared/legal-calendar';
import { checkActDate, checkRole, firstError, type DecideContext } from '../shared/decide-guards';
import { EFFECTIVENESS_CHECK_SOURCE } from '../policy/recall-rules';
import type {
  assessEffectiveness,
  fileRecallPlan,
  publishRecall,
  recordRefusal,
  recordSpotCheck,
  submitProgressReport,
  submitSummaryReport,
} from './commands';
import { recallDeadline } from './deadlines';
import { checkProducer, checkStage, PRODUCER_RECORDERS, RECORDERS, rulesOf, type Result } from './decide-guards';
import { checkFigures, completionPermille, stallOf } from './effectiveness';
import type { RecallState } from './state';

export function recallPenaltyCaseId(caseId: string): string {
  return `${caseId}-PEN`;
}
export function recallEscalationId(caseId: string): string {
  return `${caseId}-ESC`;
}

export function decidePlan(state: RecallState, cmd: z.infer<typeof fileRecallPlan>, ctx: DecideContext): Result {
  const rules = rulesOf(state);
  const invalid = firstError(
    checkRole(ctx, PRODUCER_RECORDERS, 'FileRecallPlan', '召回计划由生产者备案 / filed by the producer'),
    checkProducer(state, ctx),
    checkStage(state, ['producer_notified', 'defect_confirmed', 'recall_ordered', 'refused'], 'FileRecallPlan'),
    checkActDate(state, ctx, cmd.filedOn, '召回计划备案'),
    cmd.plannedCompletionOn < cmd.filedOn
      ? domainError('COMPLETION_BEFORE_FILING', '计划完成日期不能早于备案日期 / planned completion is before the filing')
      : null,
  );
  if (invalid) return invalid;
  const ordered = state.order !== null;
  return [
    {
      type: 'RecallPlanFiled',
      payload: {
        filedOn: cmd.filedOn,
        mode: ordered ? 'ordered' : 'voluntary',
        unitsAffected: cmd.unitsAffected,
        remedy: cmd.remedy,
        plannedCompletionOn: cmd.plannedCompletionOn,
        measures: cmd.measures,
        ...(cmd.reference ? { reference: cmd.reference } : {}),
        deadlines: {
          set: [
            recallDeadline(ctx, rules, 'publication', cmd.filedOn, rules.publication),
            recallDeadline(ctx, rules, 'summary_report', cmd.plannedCompletionOn, rules.summaryAfterCompletion),
          ],
          clear: ['plan_filing', 'objection'],
        },
      },
    },
  ];
}

export function decidePublish(state: RecallState, cmd: z.infer<typeof publishRecall>, ctx: DecideContext): Result {
  const rules = rulesOf(state);
  const invalid = firstError(
    checkRole(ctx, RECORDERS, 'PublishRecall', '召回信息依法向社会公布 / the recall is published'),
    checkStage(state, ['plan_filed'], 'PublishRecall'),
    checkActDate(state, ctx, cmd.publishedOn, '发布召回信息'),
  );
  if (invalid) return invalid;
  return [
    {
      type: 'RecallPublished',
      payload: {
        publishedOn: cmd.publishedOn,
        checkLevel: cmd.checkLevel,
        checkLevelSource: EFFECTIVENESS_CHECK_SOURCE,
        channel: cmd.channel,
        deadlines: {
          set: [recallDeadline(ctx, rules, 'progress_report', cmd.publishedOn, rules.progressInterval)],
          clear: ['publication'],
        },
      },
    },
  ];
}

export function decideProgress(state: RecallState, cmd: z.infer<typeof submitProgressReport>, ctx: DecideContext): Result {
  const rules = rulesOf(state);
  const invalid = firstError(
    checkRole(ctx, PRODUCER_RECORDERS, 'SubmitProgressReport', '阶段性报告由生产者提交 / submitted by the producer'),
    checkProducer(state, ctx),
    checkStage(state, ['in_progress'], 'SubmitProgressReport'),
    checkActDate(state, ctx, cmd.reportedOn, '阶段性报告'),
    checkFigures(state, cmd.unitsNotified, cmd.unitsRemedied),
  );
  if (invalid) return invalid;
  const permille = completionPermille(cmd.unitsRemedied, state.plan?.unitsAffected ?? 0);
  return [
    ...stallOf(state, rules, cmd.reportedOn, permille),
    {
      type: 'ProgressReported',
      payload: {
        reportedOn: cmd.reportedOn,
        unitsNotified: cmd.unitsNotified,
        unitsRemedied: cmd.unitsRemedied,
        completionPermille: permille,
        ...(cmd.note ? { note: cmd.note } : {}),
        deadlines: { set: [recallDeadline(ctx, rules, 'progress_report', cmd.reportedOn, rules.progressInterval)], clear: [] },
      },
    },
  ];
}

export function decideSpotCheck(state: RecallState, cmd: z.infer<typeof recordSpotCheck>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkRole(
      ctx,
      ['officer', 'section_chief'],
      'RecordSpotCheck',
      '区局协助省级部门抽查本辖区销售者、消费者（本局规定；《消费品召回管理暂行规定》第五条第二款：省级市场监督管理部门负责监督管理本行政区域内缺陷消费品召回工作）',
    ),
    checkStage(state, ['plan_filed', 'in_progress', 'summary_submitted'], 'RecordSpotCheck'),
    checkActDate(state, ctx, cmd.checkedOn, '抽查'),
    cmd.stillSelling > cmd.checked
      ? domainError(
          'FIGURES_INCONSISTENT',
          `仍在销售（未消除）数 ${cmd.stillSelling} 不得多于抽查数 ${cmd.checked} / more found than checked`,
        )
      : null,
  );
  if (invalid) return invalid;
  return [
    {
      type: 'SpotCheckRecorded',
      payload: {
        checkedOn: cmd.checkedOn,
        target: cmd.target,
        checked: cmd.checked,
        stillSelling: cmd.stillSelling,
        ...(cmd.note ? { note: cmd.note } : {}),
      },
    },
  ];
}

export function decideSummary(state: RecallState, cmd: z.infer<typeof submitSummaryReport>, ctx: DecideContext): Result {
  const rules = rulesOf(state);
  const invalid = firstError(
    checkRole(ctx, PRODUCER_RECORDERS, 'SubmitSummaryReport', '总结报告由生产者提交 / submitted by the producer'),
    checkProducer(state, ctx),
    checkStage(state, ['in_progress'], 'SubmitSummaryReport'),
    checkActDate(state, ctx, cmd.submittedOn, '总结报告'),
    cmd.completedOn > cmd.submittedOn
      ? domainError('COMPLETION_AFTER_SUMMARY', '召回完成日期不能晚于总结报告日期 / completed after the summary')
      : null,
    checkFigures(state, cmd.unitsNotified, cmd.unitsRemedied),
  );
  if (invalid) return invalid;
  const late = cmd.submittedOn > endOfPeriod(ctx.calendar, cmd.completedOn, rules.summaryAfterCompletion.value).date;
  return [
    {
      type: 'SummaryReportSubmitted',
      payload: {
        submittedOn: cmd.submittedOn,
        completedOn: cmd.completedOn,
        unitsNotified: cmd.unitsNotified,
        unitsRemedied: cmd.unitsRemedied,
        completionPermille: completionPermille(cmd.unitsRemedied, state.plan?.unitsAffected ?? 0),
        late,
        summary: cmd.summary,
        deadlines: {
          set: [recallDeadline(ctx, rules, 'assessment', cmd.submittedOn, rules.assessment)],
          clear: ['progress_report', 'summary_report'],
        },
      },
    },
  ];
}

export function decideAssessment(state: RecallState, cmd: z.infer<typeof assessEffectiveness>, ctx: DecideContext): Result {
  const rules = rulesOf(state);
  const permille = state.progress.at(-1)?.permille ?? 0;
  const threshold = rules.completionThresholdPermille;
  const invalid = firstError(
    checkRole(ctx, ['section_chief', 'bureau_head'], 'AssessEffectiveness', '召回效果评估由科长或局长作出（本局规定）'),
    checkStage(state, ['summary_submitted'], 'AssessEffectiveness'),
    checkActDate(state, ctx, cmd.assessedOn, '效果评估'),
    cmd.newCompletionOn !== undefined && (cmd.outcome === 'effective' || cmd.newCompletionOn <= cmd.assessedOn)
      ? domainError(
          'NEW_COMPLETION_INVALID',
          `新的完成日期 ${cmd.newCompletionOn} 只用于重新开启的召回，且须晚于评估日 / a new completion day belongs to a reopened recall, after the assessment`,
        )
      : null,
    cmd.outcome === 'effective' && permille < threshold.value && !cmd.reasonableEfforts
      ? domainError(
          'BELOW_COMPLETION_TARGET',
          `完成率 ${(permille / 10).toFixed(1)}% 低于目标 ${(threshold.value / 10).toFixed(1)}%：须说明生产者已尽合理努力方可认定有效（${threshold.source}）/ below the target: state the reasonable efforts shown`,
          { permille, threshold: threshold.value },
        )
      : null,
  );
  if (invalid) return invalid;
  const assessed = {
    type: 'EffectivenessAssessed' as const,
    payload: {
      assessedOn: cmd.assessedOn,
      outcome: cmd.outcome,
      completionPermille: permille,
      thresholdPermille: threshold.value,
      findings: cmd.findings,
      ...(cmd.reasonableEfforts ? { reasonableEfforts: cmd.reasonableEfforts } : {}),
      deadlines: { set: [], clear: ['assessment'] },
    },
  };
  if (cmd.outcome === 'effective')
    return [
      assessed,
      { type: 'RecallClosed', payload: { closedOn: cmd.assessedOn, outcome: 'completed', deadlines: { set: [], clear: [] } } },
    ];
  return [
    assessed,
    {
      type: 'RecallReopened',
      payload: {
        reopenedOn: cmd.assessedOn,
        ...(cmd.newCompletionOn ? { newCompletionOn: cmd.newCompletionOn } : {}),
        deadlines: {
          set: [
            recallDeadline(ctx, rules, 'progress_report', cmd.assessedOn, rules.progressInterval),
            ...(cmd.newCompletionOn
              ? [recallDeadline(ctx, rules, 'summary_report', cmd.newCompletionOn, rules.summaryAfterCompletion)]
              : []),
          ],
          clear: [],
        },
      },
    },
  ];
}

export function decideRefusal(state: RecallState, cmd: z.infer<typeof recordRefusal>, ctx: DecideContext): Result {
  const invalid = firstError(
    checkRole(ctx, RECORDERS, 'RecordRefusal', '登记生产者拒不召回 / recording the refusal'),
    state.stage === 'recall_ordered'
      ? null
      : domainError(
          'REFUSAL_ONLY_AFTER_ORDER',
          '只有在责令召回后才能登记拒不召回（《缺陷汽车产品召回管理条例》第十五条第三款）/ a refusal follows an order to recall',
          { stage: state.stage },
        ),
    checkActDate(state, ctx, cmd.refusedOn, '拒不召回'),
  );
  if (invalid) return invalid;
  const caseId = ctx.caseId ?? 'RECALL';
  return [
    {
      type: 'RecallRefused',
      payload: {
        refusedOn: cmd.refusedOn,
        statement: cmd.statement,
        penaltyCaseId: recallPenaltyCaseId(caseId),
        escalationId: recallEscalationId(caseId),
        deadlines: { set: [], clear: ['plan_filing'] },
      },
    },
  ];
}
