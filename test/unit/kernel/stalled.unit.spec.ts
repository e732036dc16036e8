import { PROCESSES, addDays, movesOf, stageLimitsOn, stallReasons, whoMustAct, type OpenDeadline } from '@qts/domain';
import { reachableStates } from '../../support/reachable-states';
import { commandSamplesOf } from '../../support/zod-sample';
import { decided, served } from '../../support/penalty-fixtures';
import { stateFrom } from '../../support/penalty-given-when-then';

const TODAY = '2027-01-04';
const limits = stageLimitsOn(TODAY, (caseType) => PROCESSES.find((p) => p.caseType === caseType)?.stages.all ?? []);
const deadline = (due: string): OpenDeadline => ({
  kind: 'decision',
  labelZh: '作出处罚决定',
  labelEn: 'decision',
  due,
  legalSource: '《行政处罚法》第六十条',
  provisional: false,
});

describe.each(PROCESSES.map((p) => [p.caseType, p] as const))('stalled rules of %s', (caseType, process) => {
  const samples = commandSamplesOf(process.commands.running) as { type: string; sample: { type: string } }[];
  // the stages a case rests in (those its fixtures reach), not the passing ones (an escalation level's 'forwarded')
  const open = [
    ...new Set(
      reachableStates(process, samples)
        .filter((s) => !process.isClosed(s))
        .map((s) => process.stageOf(s)),
    ),
  ];
  const ofProcess = limits.filter((l) => l.caseType === caseType);

  it('has an expected time, with its source, for every stage a case can wait in', () => {
    expect(open.length).toBeGreaterThan(2);
    expect(open.filter((s) => !ofProcess.some((l) => l.stage === s))).toEqual([]);
    for (const l of ofProcess) {
      expect(l.expectation.days).toBeGreaterThan(0);
      expect(l.source).toMatch(/本局规定|《/);
    }
  });

  it('is stalled once a stage is held past its expected time, waiting on the bureau or an outside party, not before', () => {
    for (const l of ofProcess) {
      const facts = { stage: l.stage, stageLabelZh: process.stages.label(l.stage).zh, deadlines: [] };
      const entered = addDays(TODAY, -l.expectation.days);
      expect(stallReasons({ ...facts, stageSince: entered }, l, TODAY)).toEqual([]);
      const [late] = stallReasons({ ...facts, stageSince: addDays(entered, -1) }, l, TODAY);
      expect(late?.code).toBe(l.expectation.waitsOn === 'outside' ? 'OUTSIDE_PARTY_LATE' : 'STAGE_HELD_TOO_LONG');
      expect(late?.since).toBe(TODAY);
      expect(late?.legalSource).toBe(l.source);
    }
  });
});

describe('stalled reasons', () => {
  const limit = limits.find((l) => l.caseType === 'penalty' && l.stage === 'investigation');

  it('says an open deadline passed, since the day after it, with its legal source, the oldest reason first', () => {
    const reasons = stallReasons(
      { stage: 'investigation', stageLabelZh: '立案调查', stageSince: '2026-12-01', deadlines: [deadline('2026-12-20')] },
      limit,
      TODAY,
    );
    expect(reasons).toEqual([
      expect.objectContaining({ code: 'DEADLINE_PASSED', since: '2026-12-21', legalSource: '《行政处罚法》第六十条' }),
    ]);
    expect(reasons[0]?.zh).toContain('逾期 15 日');
  });

  it('is not stalled on the due day itself', () => {
    expect(stallReasons({ stage: 'x', stageLabelZh: 'x', stageSince: null, deadlines: [deadline(TODAY)] }, undefined, TODAY)).toEqual([]);
  });

  it('a limit counted in hours (an accident’s report upward) stalls the case the minute it passes, said once', () => {
    const dueAt = '2026-12-04T07:33:00.000Z'; // 15:33 Beijing time
    const limits = [
      {
        kind: 'report:district_government',
        labelZh: '向区人民政府报告事故',
        labelEn: 'report to the district',
        dueAt,
        legalSource: '条例 第十一条',
      },
    ];
    const facts = (now: number) => ({
      stage: 'reporting_upward',
      stageLabelZh: '待上报',
      stageSince: null,
      // the same limit is listed among the dated deadlines on its day
      deadlines: [{ ...deadline('2026-12-04'), kind: 'report:district_government' }],
      hourLimitsPassed: { now, limits },
    });
    expect(stallReasons(facts(Date.parse(dueAt) - 60_000), undefined, '2026-12-04')).toEqual([]);
    const late = stallReasons(facts(Date.parse(dueAt) + 95 * 60_000), undefined, '2026-12-04');
    expect(late).toEqual([expect.objectContaining({ code: 'DEADLINE_PASSED', since: '2026-12-04', legalSource: '条例 第十一条' })]);
    expect(late[0]?.zh).toBe('向区人民政府报告事故时限 2026-12-04 15:33 已过，逾期 1 小时 35 分');
    // the next day, still one reason (the hour limit's), not a second one from its dated twin
    expect(stallReasons(facts(Date.parse(dueAt) + 20 * 3_600_000), undefined, '2026-12-05')).toHaveLength(1);
  });

  it('a damaged case or a workflow retrying is technically stuck', () => {
    const reasons = stallReasons(
      {
        stage: 'lead',
        stageLabelZh: '线索核查',
        stageSince: null,
        deadlines: [],
        damaged: { since: '2026-12-30', reason: 'invalid case view' },
        technical: { since: '2027-01-02', reason: 'activity publishEvents retried 12 times' },
      },
      undefined,
      TODAY,
    );
    expect(reasons.map((r) => [r.code, r.since])).toEqual([
      ['TECHNICALLY_STUCK', '2026-12-30'],
      ['TECHNICALLY_STUCK', '2027-01-02'],
    ]);
  });

  it('who must act follows the moves: the head files a lead, the handling section serves a decision', () => {
    const penalty = PROCESSES.find((p) => p.caseType === 'penalty');
    if (!penalty) throw new Error('no penalty process');
    const atDecision = stateFrom(decided());
    expect(whoMustAct(movesOf(penalty, atDecision, TODAY), atDecision.section)).toEqual([
      { role: 'officer', section: 'special_equipment', commands: ['ServeDecision'] },
      { role: 'section_chief', section: 'special_equipment', commands: ['ServeDecision'] },
    ]);
    const paying = stateFrom(served());
    const roles = whoMustAct(movesOf(penalty, paying, TODAY), paying.section).map((a) => `${a.role}@${a.section ?? '*'}`);
    expect(roles).toEqual(expect.arrayContaining(['officer@special_equipment', 'bureau_head@*']));
  });
});
