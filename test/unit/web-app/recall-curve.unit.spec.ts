import { curveOf, recallFigures } from '../../../apps/web-app/src/case/recall-curve';

/** The recall card of the web app (apps/web-app/src/case/recall-card.tsx) draws what these functions compute. */
describe('the completion curve of a recall', () => {
  const state = {
    plan: { unitsAffected: 1000, mode: 'voluntary', plannedCompletionOn: '2026-09-30', filedOn: '2026-03-06' },
    publication: { publishedOn: '2026-03-09', checkLevel: 'C' },
    progress: [
      { on: '2026-06-05', notified: 900, remedied: 400, permille: 400, kind: 'progress' },
      { on: '2026-09-04', notified: 1000, remedied: 420, permille: 420, kind: 'progress' },
    ],
    stalledOn: ['2026-09-04'],
    spotChecks: [{ on: '2026-04-01', target: 'sellers', checked: 12, stillSelling: 2 }],
    rules: { completionThresholdPermille: { value: 800 } },
  };

  it('has one point per report after 0 at publication, the stalled report flagged, and the target', () => {
    const curve = curveOf(state);
    expect(curve?.points.map((p) => [p.on, p.permille, p.stalled])).toEqual([
      ['2026-03-09', 0, false],
      ['2026-06-05', 400, false],
      ['2026-09-04', 420, true],
    ]);
    expect(curve?.target).toBe(800);
  });

  it('lists the effectiveness figures (zh-CN first), and there is no curve before a plan is filed', () => {
    const figures = recallFigures(state).map(([k, v]) => [k.zh, typeof v === 'string' ? v : v.zh]);
    expect(figures).toEqual(
      expect.arrayContaining([
        ['完成率', '42.0%'],
        ['抽查销售者（查 / 仍在售）', '12 / 2'],
        ['效果核查等级', 'C 级（本局规定，参照 21 CFR 7.42）'],
        ['停滞次数', '1'],
      ]),
    );
    expect(curveOf({ plan: null })).toBeNull();
  });
});
