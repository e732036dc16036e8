// 召回完成率曲线 The completion curve of a recall (缺陷产品召回), drawn as plain SVG from the case's projected state:
// the producer's cumulative figures at each report, the bureau's target as a dashed line, stalled reports in red,
// and the effectiveness figures (units affected / notified / remedied, check level, the district's spot checks).
'use strict';

(function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const W = 560;
  const H = 240;
  const PAD = { left: 44, right: 16, top: 14, bottom: 34 };

  const svg = (tag, attrs = {}, text) => {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const html = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    for (const c of children.flat()) node.append(c instanceof Node ? c : document.createTextNode(c ?? ''));
    return node;
  };
  const day = (iso) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const pct = (permille) => `${(permille / 10).toFixed(1)}%`;

  /** The points of the curve: 0 at publication, then each report (progress or summary), in order. */
  function pointsOf(state) {
    const start = state.publication?.publishedOn ?? state.plan?.filedOn;
    const reported = (state.progress ?? []).map((p) => ({ ...p, stalled: (state.stalledOn ?? []).includes(p.on) }));
    return start ? [{ on: start, notified: 0, remedied: 0, permille: 0, kind: 'start', stalled: false }, ...reported] : reported;
  }

  function chart(state) {
    const points = pointsOf(state);
    const target = state.rules?.completionThresholdPermille?.value;
    const first = day(points[0].on);
    const lastOn = [points.at(-1).on, state.plan?.plannedCompletionOn].filter(Boolean).sort().at(-1);
    const span = Math.max(1, day(lastOn) - first);
    const x = (iso) => PAD.left + ((day(iso) - first) / span) * (W - PAD.left - PAD.right);
    const y = (permille) => H - PAD.bottom - (permille / 1000) * (H - PAD.top - PAD.bottom);
    const root = svg('svg', {
      viewBox: `0 0 ${W} ${H}`,
      width: '100%',
      role: 'img',
      'aria-label': '召回完成率曲线 completion curve',
      class: 'recall-chart',
    });
    for (const p of [0, 250, 500, 750, 1000]) {
      root.append(svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(p), y2: y(p), stroke: '#e3e3e3' }));
      root.append(svg('text', { x: PAD.left - 6, y: y(p) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#666' }, `${p / 10}%`));
    }
    if (typeof target === 'number') {
      root.append(
        svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(target), y2: y(target), stroke: '#b26b00', 'stroke-dasharray': '6 4' }),
      );
      root.append(
        svg('text', { x: W - PAD.right, y: y(target) - 4, 'text-anchor': 'end', 'font-size': 11, fill: '#b26b00' }, `目标 ${pct(target)}`),
      );
    }
    if (state.plan?.plannedCompletionOn) {
      const px = x(state.plan.plannedCompletionOn);
      root.append(svg('line', { x1: px, x2: px, y1: PAD.top, y2: H - PAD.bottom, stroke: '#999', 'stroke-dasharray': '2 3' }));
      root.append(
        svg('text', { x: px, y: H - 6, 'text-anchor': 'end', 'font-size': 11, fill: '#666' }, `计划完成 ${state.plan.plannedCompletionOn}`),
      );
    }
    root.append(svg('text', { x: PAD.left, y: H - 6, 'font-size': 11, fill: '#666' }, points[0].on));
    root.append(
      svg('polyline', {
        points: points.map((p) => `${x(p.on).toFixed(1)},${y(p.permille).toFixed(1)}`).join(' '),
        fill: 'none',
        stroke: '#1f5fa8',
        'stroke-width': 2,
      }),
    );
    for (const p of points) {
      const dot = svg('circle', {
        cx: x(p.on),
        cy: y(p.permille),
        r: p.kind === 'summary' ? 5 : 4,
        fill: p.stalled ? '#c0392b' : '#1f5fa8',
      });
      dot.append(
        svg(
          'title',
          {},
          `${p.on} ${p.kind === 'summary' ? '总结报告' : p.kind === 'start' ? '发布召回' : '阶段性报告'}：完成率 ${pct(p.permille)}，已通知 ${p.notified}，已消除 ${p.remedied}${p.stalled ? '（停滞）' : ''}`,
        ),
      );
      root.append(dot);
    }
    return root;
  }

  function figures(state) {
    const last = (state.progress ?? []).at(-1);
    const checks = state.spotChecks ?? [];
    const sum = (target, key) => checks.filter((c) => c.target === target).reduce((n, c) => n + c[key], 0);
    const rows = [
      ['涉及数量 Units affected', state.plan?.unitsAffected ?? '—'],
      ['已通知 Notified', last?.notified ?? 0],
      ['已消除缺陷 Remedied', last?.remedied ?? 0],
      ['完成率 Completion', pct(last?.permille ?? 0)],
      ['召回方式 Mode', state.plan ? (state.plan.mode === 'ordered' ? '责令召回 ordered' : '主动召回 voluntary') : '—'],
      ['效果核查等级 Check level', state.publication ? `${state.publication.checkLevel} 级（本局规定，参照 21 CFR 7.42）` : '—'],
      ['抽查销售者 Sellers checked / still selling', `${sum('sellers', 'checked')} / ${sum('sellers', 'stillSelling')}`],
      ['抽查消费者 Consumers checked / unremedied', `${sum('consumers', 'checked')} / ${sum('consumers', 'stillSelling')}`],
      ['停滞次数 Stalled reports', (state.stalledOn ?? []).length],
    ];
    return html(
      'table',
      {},
      html(
        'tbody',
        {},
        rows.map(([k, v]) => html('tr', {}, html('td', {}, k), html('td', {}, String(v)))),
      ),
    );
  }

  /** The card for a recall's case page, or null for a recall that has no plan yet. */
  function recallCompletionCard(state) {
    if (!state || !state.plan) return null;
    const points = pointsOf(state);
    return html(
      'div',
      { class: 'card recall-effectiveness' },
      html('h3', {}, '召回效果 Effectiveness'),
      points.length > 0 ? chart(state) : html('p', { class: 'muted' }, '尚无阶段性报告 no progress report yet'),
      figures(state),
    );
  }

  window.recallCompletionCard = recallCompletionCard;
})();
