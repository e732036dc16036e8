// 召回列表 The bureau's recalls, most dangerous and late first, each with its completion curve in small
// (GET /api/recalls). Loaded after app.js: uses its el, $, api, openCase and stageZh.
'use strict';

const RECALL_RISK_ZH = { high: '高风险', medium: '中风险', low: '低风险' };

/** A completion curve in small: the reported rates as a polyline over 0–100 %. */
function recallSparkline(curve) {
  const NS = 'http://www.w3.org/2000/svg';
  const w = 120;
  const h = 28;
  const node = document.createElementNS(NS, 'svg');
  node.setAttribute('width', String(w));
  node.setAttribute('height', String(h));
  node.setAttribute('role', 'img');
  node.setAttribute('aria-label', '完成率曲线 completion curve');
  if (curve.length === 0) return node;
  const points = curve.map((p, i) => {
    const x = curve.length === 1 ? w / 2 : (i / (curve.length - 1)) * (w - 4) + 2;
    const y = h - 2 - (Math.min(p.permille, 1000) / 1000) * (h - 4);
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  const line = document.createElementNS(NS, 'polyline');
  line.setAttribute('points', points.join(' '));
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', '#1f5fa8');
  line.setAttribute('stroke-width', '2');
  node.append(line);
  return node;
}

async function loadRecalls(event) {
  event?.preventDefault();
  const form = $('#recall-filters');
  const params = new URLSearchParams();
  if (form.risk.value) params.set('risk', form.risk.value);
  if (form.includeClosed.checked) params.set('includeClosed', 'true');
  const out = $('#recall-list');
  const { ok, data } = await api('GET', `/api/recalls?${params}`);
  if (!ok) return out.replaceChildren(el('p', { class: 'error' }, data.message));
  if (data.items.length === 0) return out.replaceChildren(el('p', { class: 'muted' }, '没有召回案件 / no recalls'));
  out.replaceChildren(
    el(
      'table',
      {},
      el(
        'tr',
        {},
        [
          '风险 Risk',
          '案件 Case',
          '产品 Product',
          '生产者 Producer',
          '阶段 Stage',
          '完成率 Completion',
          '曲线 Curve',
          '停滞 Stalled',
          '最近期限 Next due',
        ].map((h) => el('th', {}, h)),
      ),
      ...data.items.map((c) =>
        el(
          'tr',
          { class: c.overdue ? 'overdue' : '' },
          el('td', { class: c.risk === 'high' ? 'error' : '' }, c.risk ? RECALL_RISK_ZH[c.risk] : '未评估 not assessed'),
          el('td', {}, el('a', { href: '#', onclick: (e) => (e.preventDefault(), openCase(c.caseId)) }, c.caseId)),
          el('td', {}, c.title),
          el('td', {}, c.partyName),
          el('td', {}, stageZh(c.stage, c.caseType)),
          el(
            'td',
            {},
            c.completionPermille === null
              ? '—'
              : `${(c.completionPermille / 10).toFixed(1)}%` + (c.unitsAffected ? `（共 ${c.unitsAffected}）` : ''),
          ),
          el('td', {}, recallSparkline(c.curve)),
          el('td', { class: c.stalledReports > 0 ? 'error' : '' }, String(c.stalledReports)),
          el('td', {}, `${c.nextDue || '—'}${c.overdue ? '（已逾期 overdue）' : ''}`),
        ),
      ),
    ),
  );
}
$('#recall-filters').addEventListener('submit', loadRecalls);
