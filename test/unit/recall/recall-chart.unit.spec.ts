import path from 'node:path';

/** Just enough of the DOM for the chart's plain-JS rendering (the unit tier runs in node). */
class FakeNode {
  readonly attrs: Record<string, string> = {};
  readonly children: FakeNode[] = [];
  textContent = '';
  constructor(readonly tag: string) {}
  setAttribute(k: string, v: string): void {
    this.attrs[k] = v;
  }
  append(...c: FakeNode[]): void {
    this.children.push(...c);
  }
}

function find(n: FakeNode, tag: string, out: FakeNode[] = []): FakeNode[] {
  if (n.tag === tag) out.push(n);
  for (const c of n.children) find(c, tag, out);
  return out;
}

type Card = (state: unknown) => FakeNode | null;

describe('the completion-curve card of a recall (apps/web/recall-chart.js)', () => {
  let card: Card;
  beforeAll(() => {
    const g = globalThis as unknown as Record<string, unknown>;
    g['Node'] = FakeNode;
    g['window'] = {};
    g['document'] = {
      createElement: (t: string) => new FakeNode(t),
      createElementNS: (_ns: string, t: string) => new FakeNode(t),
      createTextNode: (t: string) => Object.assign(new FakeNode('#text'), { textContent: t }),
    };
    jest.isolateModules(() => {
      jest.requireActual(path.resolve(__dirname, '../../../apps/web/recall-chart.js'));
    });
    card = (g['window'] as { recallCompletionCard: Card }).recallCompletionCard;
  });

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

  it('draws one point per report from 0 at publication, stalled reports in red, and the target line', () => {
    const root = card(state);
    if (!root) throw new Error('a recall with a plan has a card');
    const points = find(root, 'polyline')[0]?.attrs['points']?.split(' ') ?? [];
    expect(points).toHaveLength(3);
    expect(points[0]).toBe('44.0,206.0');
    const ys = points.map((p) => Number(p.split(',')[1]));
    expect(ys[1]).toBeLessThan(ys[0] ?? 0);
    expect(find(root, 'circle').map((c) => c.attrs['fill'])).toEqual(['#1f5fa8', '#1f5fa8', '#c0392b']);
    expect(find(root, 'text').some((t) => t.textContent === '目标 80.0%')).toBe(true);
  });

  it('lists the effectiveness figures in zh-CN, and draws nothing before a plan is filed', () => {
    const root = card(state);
    if (!root) throw new Error('a recall with a plan has a card');
    const cells = find(root, 'td').map((td) => td.children.map((c) => c.textContent).join(''));
    expect(cells).toEqual(expect.arrayContaining(['完成率 Completion', '42.0%', '12 / 2', 'C 级（本局规定，参照 21 CFR 7.42）']));
    expect(card({ plan: null })).toBeNull();
  });
});
