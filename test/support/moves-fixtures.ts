import { leadRegistered, served } from './penalty-fixtures';
import { head, run as runPenalty } from './penalty-given-when-then';
import { notified, published, runRecall, signal } from './recall-given-when-then';
import { certified, chief, liftReport, productReport, runAccident } from './accident-given-when-then';
import { directiveCommand, emergencyCommand, inspectionCommand, run as runDirective } from './directive-fixtures';
import { runEscalation, openCommand, submitted } from './escalation-given-when-then';

const DAY = '2026-06-01';

/** The accident decider spec's walk: a product accident the district leads, from the report to closing. */
function accidentClosed(): { type: string }[] {
  return runAccident([
    { command: productReport(DAY), on: DAY },
    { command: { type: 'TriageAccident', triagedOn: DAY, decision: 'accident', reasons: '符合事故定义' }, on: DAY },
    {
      command: {
        type: 'ReportUpward',
        to: 'district_government',
        reportedAt: `${DAY}T11:00:00+08:00`,
        reportedBy: '李明',
        content: '电话报告',
      },
      on: DAY,
    },
    { command: { type: 'SecureSite', securedAt: `${DAY}T11:30:00+08:00`, measures: '封存同批次产品' }, on: DAY },
    {
      command: {
        type: 'FormInvestigationTeam',
        formedOn: DAY,
        officerIds: ['officer-chen', 'officer-yang'],
        officers: certified('officer-chen', 'officer-yang'),
      },
      on: DAY,
      actor: chief,
    },
    { command: { type: 'RecordAccidentEvidence', collectedOn: '2026-06-02', description: '现场勘验笔录' }, on: '2026-06-02' },
    {
      command: {
        type: 'SubmitInvestigationReport',
        submittedOn: '2026-06-20',
        cause: '锁紧装置缺陷',
        liabilities: [{ party: '某厨具有限公司', share: 'full' }],
        rectificationOpinions: '召回同批次产品',
      },
      on: '2026-06-20',
    },
    {
      command: { type: 'RecordCollectiveReview', reviewedOn: '2026-06-22', conclusion: 'passed', minutes: '局务会通过' },
      on: '2026-06-22',
      actor: head,
    },
    {
      command: { type: 'RecordApproval', approvedOn: '2026-06-30', approvedBy: '区人民政府', reference: '区政批〔2026〕12号' },
      on: '2026-06-30',
    },
    { command: { type: 'CloseAccident', closedOn: '2026-07-31', summary: '结案' }, on: '2026-07-31', actor: chief },
  ]);
}

/**
 * Event histories the decider unit tests build, per case type: every prefix of each is a state the moves conformance
 * check starts from (and explores from, with sample commands and the clock).
 */
export function fixtureHistories(): Record<string, { type: string }[][]> {
  return {
    penalty: [
      served(),
      runPenalty(
        [
          {
            command: { type: 'DecideFiling', decision: 'not_file', decidedOn: '2026-03-05', reason: '不予立案' },
            on: '2026-03-05',
            actor: head,
          },
        ],
        leadRegistered(),
      ),
    ],
    recall: [published(), notified(), runRecall([{ command: signal('2026-03-02'), on: '2026-03-02' }])],
    accident: [
      accidentClosed(),
      runAccident([{ command: liftReport(DAY), on: DAY }]),
      runAccident([{ command: productReport(DAY), on: DAY }]),
    ],
    directive: [
      runDirective([
        { command: inspectionCommand('2026-03-02'), on: '2026-03-02' },
        { command: directiveCommand('2026-03-03', '2026-03-13'), on: '2026-03-03' },
        { command: { type: 'RecordRectificationReport', reportedOn: '2026-03-16', summary: '已申报检验' }, on: '2026-03-16' },
      ]),
      runDirective([
        { command: emergencyCommand('2026-03-02'), on: '2026-03-02' },
        { command: directiveCommand('2026-03-03', '2026-03-20'), on: '2026-03-03' },
      ]),
      runDirective([{ command: inspectionCommand('2026-03-02', { severity: 'serious_hazard' }), on: '2026-03-02' }]),
    ],
    escalation: [
      submitted(),
      submitted({ kind: 'province' }),
      runEscalation([{ command: openCommand({ kind: 'cnca' }, '2026-03-02'), on: '2026-03-02' }]),
    ],
  };
}
