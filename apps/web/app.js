// 案件工作流 browser UI: plain JavaScript over the same HTTP API officers' systems use. Chinese first, English second.
'use strict';

// the case processes, their commands, stages, events and labels: GET /api/processes (the server's registry). Nothing
// here names a process: a process registered on the server shows up in the lists, the filters and the new-case page.
const registry = { byType: {}, openingOf: {} };
async function loadProcesses() {
  const { ok, data } = await api('GET', '/api/processes');
  if (!ok) return;
  registry.byType = Object.fromEntries(data.processes.map((p) => [p.caseType, p]));
  registry.openingOf = Object.fromEntries(
    data.processes.flatMap((p) => p.openings.map((o) => [o.type, { route: `/api/${p.route}`, caseType: p.caseType }])),
  );
  processFilter();
  openingButtons();
}
/** 阶段的中文名, from the case's own process (any process when the type is not known). */
function stageZh(stage, caseType) {
  const processes = caseType && registry.byType[caseType] ? [registry.byType[caseType]] : Object.values(registry.byType);
  for (const p of processes) {
    const hit = p.stages.find((s) => s.stage === stage);
    if (hit) return hit.labels.zh;
  }
  return stage;
}
const commandZh = (caseType, type) =>
  [...(registry.byType[caseType]?.openings ?? []), ...(registry.byType[caseType]?.commands ?? [])].find((c) => c.type === type)?.labels
    .zh ?? type;
const eventZh = (caseType, type) => registry.byType[caseType]?.events.find((e) => e.type === type)?.labels.zh ?? type;
const LEVEL_ZH = { approaching: '即将到期', missed: '已逾期' };

const $ = (sel, root = document) => root.querySelector(sel);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) node.append(c instanceof Node ? c : document.createTextNode(c ?? ''));
  return node;
};
const today = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const yuan = (fen) => (fen / 100).toFixed(2);
const beijingTime = (iso) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
// the command an officer most likely sends next in each stage
const NEXT_COMMAND = {
  lead: 'DecideFiling',
  investigation: 'RecordEvidence',
  legal_review: 'CompleteLegalReview',
  review_approved: 'ServePenaltyNotice',
  notified: 'RecordCommitteeDecision',
  committee_decided: 'DecidePenalty',
  decided: 'ServeDecision',
  payment: 'RecordPayment',
  enforcement: 'ServeDemandNotice',
  court: 'RecordCourtRuling',
};

// sign-in: the access token lives in memory only; the refresh token is an HttpOnly cookie scripts never see
const auth = { accessToken: null, user: null, permissions: { actions: [] } };

function signedIn(data) {
  auth.accessToken = data.accessToken;
  auth.user = data.user;
  const u = data.user;
  $('#who').textContent =
    `${u.name}（${u.id}）· ${u.roles.map((r) => ROLE_NAMES[r] || r).join('、')}${u.section ? ` · ${SECTION_ZH[u.section]}` : ''}`;
  $('#session').hidden = false;
  $('#login-view').hidden = true;
  document.querySelector('nav').hidden = false;
  document.querySelector('main').hidden = false;
}

function signedOut(message) {
  auth.accessToken = null;
  auth.user = null;
  $('#session').hidden = true;
  $('#login-view').hidden = false;
  document.querySelector('nav').hidden = true;
  document.querySelector('main').hidden = true;
  const err = $('#login-error');
  err.hidden = !message;
  err.textContent = message || '';
}

async function refresh() {
  const res = await fetch('/api/auth/refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!res.ok) return false;
  signedIn(await res.json());
  return true;
}

$('#login').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.target;
  const res = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: form.userId.value.trim(), password: form.password.value }),
  });
  const data = await res.json().catch(() => ({}));
  form.password.value = '';
  if (!res.ok) return signedOut(`${data.message || res.status}`);
  signedIn(data);
  start();
});

$('#logout').addEventListener('click', async () => {
  await api('POST', '/api/auth/logout');
  signedOut('已退出 / signed out');
});

async function api(method, path, body, retried = false, extraHeaders = {}) {
  const res = await fetch(path, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(auth.accessToken ? { authorization: `Bearer ${auth.accessToken}` } : {}),
      ...extraHeaders,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (res.status === 401 && path !== '/api/auth/logout') {
    if (!retried && data.code === 'TOKEN_EXPIRED' && (await refresh())) return api(method, path, body, true, extraHeaders);
    signedOut(`${data.message || '请重新登录 / sign in again'}`);
  }
  return { ok: res.ok, status: res.status, data };
}

function show(view) {
  for (const s of document.querySelectorAll('main > section')) s.hidden = s.id !== `view-${view}`;
  for (const b of document.querySelectorAll('nav button')) b.classList.toggle('active', b.dataset.view === view);
  if (view !== 'case' && location.hash) history.replaceState(null, '', location.pathname);
  if (view === 'cases') loadCases();
  if (view === 'notices') loadNotices();
  if (view === 'accounts') loadAccounts();
  if (view === 'audit') loadRefusals();
  if (view === 'damaged') loadDamaged();
  if (view === 'equipment') loadEquipment();
  if (view === 'recalls') loadRecalls();
  if (view === 'accidents') loadAccidents();
}
for (const b of document.querySelectorAll('nav button')) b.addEventListener('click', () => show(b.dataset.view));

async function loadHealth() {
  const { data } = await api('GET', '/health');
  const s = data.services || {};
  $('#health').textContent = ['temporal', 'kafka', 'postgres'].map((k) => `${k} ${s[k]?.status === 'up' ? '●' : '○'}`).join('  ');
  // the administrator's notice: cases whose events the read model could not take
  const damaged = data.projection?.damagedCases || 0;
  const badge = $('#damaged-count');
  badge.hidden = damaged === 0;
  badge.textContent = String(damaged);
}

/** A projector's reason, with a validation report shown as "field: problem" lines rather than raw JSON. */
function damageReasonText(reason) {
  const at = reason.indexOf(': [');
  if (at < 0) return reason;
  try {
    const issues = JSON.parse(reason.slice(at + 2));
    return [reason.slice(0, at), ...issues.map((i) => `· ${(i.path || []).join('.') || '(整体 whole)'}: ${i.message}`)].join('\n');
  } catch {
    return reason;
  }
}

async function loadDamaged() {
  const { ok, data } = await api('GET', '/api/audit/damaged');
  const body = $('#damaged-list tbody');
  body.replaceChildren();
  if (!ok) return body.append(el('tr', {}, el('td', { colspan: 6, class: 'error' }, data.message)));
  if (data.length === 0) return body.append(el('tr', {}, el('td', { colspan: 6 }, '没有受损案件 / no damaged cases')));
  for (const d of data) {
    body.append(
      el(
        'tr',
        {},
        el('td', {}, d.caseId),
        el('td', {}, d.caseType || '—'),
        el('td', {}, d.firstSeq === d.lastSeq ? String(d.firstSeq ?? '?') : `${d.firstSeq ?? '?'}–${d.lastSeq ?? '?'}`),
        el('td', {}, String(d.events)),
        el('td', { class: 'reason' }, damageReasonText(d.lastReason)),
        el('td', {}, beijingTime(d.lastEventAt)),
      ),
    );
  }
}

async function loadCases(event) {
  event?.preventDefault();
  const f = $('#filters');
  const q = new URLSearchParams();
  if (f.type.value) q.set('type', f.type.value);
  if (f.stage.value) q.set('stage', f.stage.value);
  if (f.section.value) q.set('section', f.section.value);
  if (f.overdue.checked) q.set('overdue', 'true');
  if (f.open.checked) q.set('closed', 'false');
  const { ok, data } = await api('GET', `/api/cases?${q}`);
  const body = $('#case-list tbody');
  body.replaceChildren();
  if (!ok) return body.append(el('tr', {}, el('td', { colspan: 7, class: 'error' }, data.message)));
  for (const c of data.items) {
    body.append(
      el(
        'tr',
        { class: 'clickable', onclick: () => openCase(c.caseId) },
        el('td', {}, c.caseId),
        el('td', {}, registry.byType[c.caseType]?.labels.zh ?? c.caseType),
        el('td', {}, c.title),
        el('td', {}, c.partyName),
        el('td', {}, SECTION_ZH[c.section] || c.section),
        el('td', {}, stageZh(c.stage, c.caseType)),
        el('td', { class: c.overdue ? 'overdue' : '' }, c.nextDue ? `${c.nextDue}${c.overdue ? ' 逾期' : ''}` : '—'),
      ),
    );
  }
  $('#case-count').textContent = `共 ${data.total} 件 / ${data.total} cases`;
}
$('#filters').addEventListener('submit', loadCases);

/** The list's process and stage filters: the registry's processes, and the stages of the chosen one (or of each). */
function processFilter() {
  const f = $('#filters');
  const keep = (select) => select.firstElementChild;
  f.type.replaceChildren(
    keep(f.type),
    ...Object.values(registry.byType).map((p) => el('option', { value: p.caseType }, `${p.labels.zh} ${p.labels.en}`)),
  );
  const stages = () => {
    const chosen = registry.byType[f.type.value];
    const options = (p) => p.stages.map((s) => el('option', { value: s.stage }, `${s.labels.zh} ${s.stage}`));
    f.stage.replaceChildren(
      keep(f.stage),
      ...(chosen ? options(chosen) : Object.values(registry.byType).map((p) => el('optgroup', { label: p.labels.zh }, options(p)))),
    );
  };
  f.type.onchange = stages;
  stages();
}

const COMMAND_TEMPLATES = {
  DecideFiling: { decision: 'file', decidedOn: '$today', reason: '', handlerIds: ['', ''] },
  ExtendFilingPeriod: { approvedOn: '$today', reason: '' },
  RecordEvidence: { kind: 'site_inspection', collectedOn: '$today', officerIds: ['', ''], description: '' },
  ConcludeInvestigation: { concludedOn: '$today', findings: '' },
  RequestLegalReview: { requestedOn: '$today' },
  CompleteLegalReview: { completedOn: '$today', opinion: 'approved', comments: '' },
  ServePenaltyNotice: { servedOn: '$today', proposedFineFen: 0, proposedMeasures: [] },
  RecordDefence: { receivedOn: '$today', waivesRights: false, statement: '' },
  RequestHearing: { requestedOn: '$today' },
  HoldHearing: { noticeServedOn: '$today', heldOn: '$today', hostId: '' },
  PauseDecisionClock: { reason: 'testing', from: '$today' },
  ResumeDecisionClock: { on: '$today' },
  ExtendDecisionPeriod: { approvedOn: '$today', days: 30, reason: '' },
  RecordCommitteeDecision: { decidedOn: '$today', outcome: 'penalty', minutes: '' },
  DecidePenalty: {
    decidedOn: '$today',
    outcome: {
      kind: 'penalty',
      violationDate: '$today',
      provisionId: 'special-equipment-law-art84',
      fineFen: 0,
      goodsValueFen: 0,
      discretion: 'general',
      measures: [],
    },
  },
  ServeDecision: { servedOn: '$today', method: 'in_person' },
  RecordPayment: { paidOn: '$today', amountFen: 0, reference: '', channel: 'officer' },
  ApproveDeferral: { approvedOn: '$today', newDueOn: '$today', reason: '' },
  ServeDemandNotice: { servedOn: '$today' },
  ApplyToCourt: { filedOn: '$today', court: '区人民法院' },
  RecordCourtRuling: { ruledOn: '$today', ruling: 'enforce', reference: '' },
  TransferToPolice: { decidedOn: '$today', grounds: '' },
};
const fill = (template, type) => JSON.stringify({ type, ...template }, null, 2).replaceAll('$today', today());

const PROCEDURE_ZH = {
  directive: { emergency: '现场紧急处置', sealed: '查封扣押中', inspection: '监督检查' },
  recall: {
    voluntary: '主动召回',
    ordered: '责令召回',
    district: '本局监督召回',
    reported_upward: '报上级主管部门',
    vehicle: '汽车产品',
    consumer_goods: '消费品',
  },
};

/** What the view's procedure column holds, in words: each process puts its own kind of thing there. */
function procedureText(c) {
  if (!c.procedure) return '';
  if (c.caseType === 'penalty') return `程序 Procedure：${c.procedure === 'summary' ? '简易程序' : '一般程序'}　`;
  if (c.caseType === 'escalation') return `对象 Target：${ENUM_ZH[c.procedure] || c.procedure}　`;
  if (c.caseType === 'accident') {
    // kind:grade:lead (accident.js names each)
    const [kind, grade, lead] = c.procedure.split(':');
    return `${ACCIDENT_KIND_ZH[kind] || kind}　${ACCIDENT_GRADE_ZH[grade] || '未定级'}　${(ACCIDENT_LEAD_ZH[lead] || '待界定').replace(/（.*）$/, '')}　`;
  }
  return `类别 Kind：${PROCEDURE_ZH[c.caseType]?.[c.procedure] || c.procedure}　`;
}

async function openCase(caseId, asOf) {
  show('case');
  history.replaceState(null, '', `#case=${encodeURIComponent(caseId)}`);
  const view = $('#view-case');
  const { ok, data: c } = await api('GET', `/api/cases/${encodeURIComponent(caseId)}${asOf ? `?asOf=${asOf}` : ''}`);
  if (!ok) return view.replaceChildren(el('p', { class: 'error' }, c.message));
  const due = c.amountDue;
  const asOfInput = el('input', { type: 'date', value: asOf || today() });
  // only the commands the signed-in person's roles may send (the server decides, per section, in the end)
  // each process has its own commands and route (the registry)
  const process = registry.byType[c.caseType];
  const route = `/api/${process?.route}/{id}/commands`;
  const commandsUrl = `/api/${process?.route}/${encodeURIComponent(caseId)}/commands`;
  const schemas = await commandSchemas(route);
  const permitted = (process?.commands ?? []).filter((x) => x.permitted).map((x) => x.type);
  const offered = Object.keys(schemas).filter((t) => permitted.includes(t));
  const commandType = el(
    'select',
    {},
    offered.map((t) => el('option', { value: t }, `${commandZh(c.caseType, t)} ${t}`)),
  );
  const formHolder = el('div', { class: 'command-form' });
  const preview = el('pre', { class: 'muted' });
  const result = el('pre', { class: 'result' });
  let form = null;
  const renderForm = () => {
    const type = commandType.value;
    form =
      type && schemas[type]
        ? schemaForm(schemas[type], JSON.parse(fill(COMMAND_TEMPLATES[type] || {}, type)), '', true, ['officers', 'handlers', 'inspectors'])
        : null;
    formHolder.replaceChildren(
      form ? form.element : el('p', { class: 'muted' }, '您的角色不能对案件发送命令 / your roles send no case commands'),
    );
  };
  commandType.addEventListener('change', renderForm);
  const next = offered.includes(NEXT_COMMAND[c.stage]) ? NEXT_COMMAND[c.stage] : offered[0];
  if (next) commandType.value = next;
  renderForm();
  // one Idempotency-Key per command until it has a definite answer: a resend after a lost answer or a 503 is
  // the same command (applied once); a new command after an answer gets a new key
  let pendingKey = null;
  formHolder.addEventListener('input', () => (pendingKey = null));
  commandType.addEventListener('change', () => (pendingKey = null));
  const send = async (event) => {
    const button = event?.target;
    let body;
    try {
      body = { type: commandType.value, ...form.value() };
    } catch (e) {
      result.className = 'result error';
      return (result.textContent = e.message);
    }
    preview.textContent = JSON.stringify(body, null, 2);
    pendingKey ??= crypto.randomUUID();
    if (button) button.disabled = true;
    let r;
    try {
      r = await api('POST', commandsUrl, body, false, { 'idempotency-key': pendingKey });
    } catch (e) {
      result.className = 'result error';
      return (result.textContent = `网络错误，可再次提交（不会重复登记）/ network error, submit again (it will not be applied twice): ${e.message}`);
    } finally {
      if (button) button.disabled = false;
    }
    if (r.status !== 503) pendingKey = null;
    result.className = `result ${r.ok ? 'ok' : 'error'}`;
    result.textContent = r.ok
      ? `已受理 accepted: ${r.data.events.map((e) => `#${e.seq} ${e.type}`).join(', ')}（查询库稍后更新 / the read model follows shortly）`
      : `${r.data.code}: ${r.data.message}`;
    if (r.ok) setTimeout(() => openCase(caseId), 800);
  };
  view.replaceChildren(
    el('p', {}, el('a', { href: '#', onclick: (e) => (e.preventDefault(), show('cases')) }, '← 返回列表 back to the list')),
    el(
      'div',
      { class: 'card' },
      el('h3', {}, `${c.title}（${c.caseId}）`),
      el(
        'p',
        {},
        `${process?.labels.zh ?? c.caseType}　当事人 Party：${c.partyName}　科室 Section：${SECTION_ZH[c.section] || c.section}　` +
          procedureText(c) +
          `阶段 Stage：${stageZh(c.stage, c.caseType)}`,
      ),
    ),
    // the printed 特种设备安全监察指令书 (directives.js)
    ...(c.caseType === 'directive' ? [directivePdfButton(c.caseId)] : []),
    ...(c.caseType === 'accident' ? [accidentCard(c)] : []),
    el(
      'div',
      { class: 'grid' },
      el(
        'div',
        { class: 'card' },
        el('h3', {}, '未届满期限 Open deadlines'),
        c.deadlines.length === 0
          ? el('p', { class: 'muted' }, '无 none')
          : el(
              'table',
              {},
              el(
                'tbody',
                {},
                c.deadlines.map((d) =>
                  el(
                    'tr',
                    {},
                    el('td', {}, `${d.labelZh} ${d.labelEn}`),
                    el(
                      'td',
                      { class: d.overdue ? 'overdue' : d.provisional ? 'provisional' : '' },
                      `${d.due}${d.overdue ? ' 逾期' : ''}${d.provisional ? ' （暂定 provisional）' : ''}`,
                    ),
                    el('td', { class: 'muted' }, d.legalSource),
                  ),
                ),
              ),
            ),
      ),
      el(
        'div',
        { class: 'card' },
        el('h3', {}, '应缴金额 Amount due'),
        due
          ? el(
              'div',
              {},
              el('p', { class: 'amount' }, `¥ ${due.totalDueYuan}`),
              el(
                'p',
                {},
                `罚款 fine ¥${due.fineYuan}　已缴 paid ¥${yuan(due.principalPaidFen + due.lateFeePaidFen)}　加处罚款 late fee ¥${due.lateFeeYuan}${due.lateFeeCapped ? '（已达上限 capped）' : ''}`,
              ),
              el(
                'p',
                {},
                `逾期 ${due.daysLate} 日 days late（缴款当日计入 payment day counted）　计收 ${due.accrualDays} 日 days accrued${due.lateFeeReducedFen > 0 ? `　已减免 reduced ¥${yuan(due.lateFeeReducedFen)}` : ''}`,
              ),
              el('p', { class: 'muted' }, due.rule.sources.rate),
              el('p', { class: 'muted' }, due.rule.sources.days),
              el('p', { class: 'muted' }, due.rule.sources.baseAndCap),
              el('p', { class: 'muted' }, due.rule.sources.rounding),
              el(
                'label',
                {},
                '计算日期 as of ',
                asOfInput,
                el('button', { onclick: () => openCase(caseId, asOfInput.value) }, '计算 compute'),
              ),
            )
          : el('p', { class: 'muted' }, '尚无缴款义务 nothing to pay yet'),
      ),
    ),
    // a recall's completion curve and effectiveness figures (recall-chart.js)
    c.caseType === 'recall' ? window.recallCompletionCard(c.state) : '',
    el(
      'div',
      { class: 'card' },
      el('h3', {}, '办案命令 Command'),
      el('p', {}, commandType),
      formHolder,
      el('p', {}, el('button', { onclick: send }, '提交 Submit')),
      result,
      el('details', {}, el('summary', {}, '发送的命令 JSON / the command as sent'), preview),
    ),
    el(
      'div',
      { class: 'card' },
      el('h3', {}, '时间线 Timeline'),
      el(
        'table',
        {},
        el(
          'tbody',
          {},
          c.timeline.map((e) =>
            el(
              'tr',
              {},
              el('td', {}, `#${e.seq}`),
              el('td', {}, beijingTime(e.occurredAt)),
              el('td', {}, `${eventZh(c.caseType, e.type)} ${e.type}`),
              el('td', {}, e.actor.name || e.actor.id),
              el('td', { class: 'muted' }, JSON.stringify(e.payload).slice(0, 160)),
            ),
          ),
        ),
      ),
    ),
    el(
      'div',
      { class: 'card' },
      el('h3', {}, '督办通知 Notices'),
      c.notices.length === 0
        ? el('p', { class: 'muted' }, '无 none')
        : el(
            'ul',
            {},
            c.notices.map((n) => el('li', {}, `${ROLE_NAMES[n.recipientRole]} · ${LEVEL_ZH[n.level]} · ${n.message}`)),
          ),
    ),
  );
}

async function loadNotices(event) {
  event?.preventDefault();
  const f = $('#notice-filters');
  const q = new URLSearchParams();
  for (const name of ['recipientRole', 'section', 'level']) if (f[name].value) q.set(name, f[name].value);
  // 给我的: the reminders that name the signed-in person
  if (f.recipientRole.value === 'me') {
    q.delete('recipientRole');
    q.set('recipientId', auth.user.id);
  }
  const { ok, data } = await api('GET', `/api/notices?${q}`);
  const body = $('#notice-list tbody');
  body.replaceChildren();
  if (!ok) return body.append(el('tr', {}, el('td', { colspan: 6, class: 'error' }, data.message)));
  for (const n of data.items) {
    body.append(
      el(
        'tr',
        { class: 'clickable', onclick: () => openCase(n.caseId) },
        el('td', {}, beijingTime(n.raisedAt)),
        el(
          'td',
          {},
          (ROLE_NAMES[n.recipientRole] || n.recipientRole) + (n.recipientIds.length > 0 ? `（${n.recipientIds.join('、')}）` : ''),
        ),
        el('td', { class: n.level === 'missed' ? 'overdue' : '' }, LEVEL_ZH[n.level] || n.level),
        el('td', {}, n.caseId),
        el('td', {}, n.message),
        el('td', { class: 'muted' }, n.legalSource),
      ),
    );
  }
}

const OPENING_TEMPLATES = {
  RegisterLead: {
    section: 'enforcement',
    title: '',
    party: { kind: 'organisation', name: '' },
    discoveredOn: '$today',
    leadSource: 'inspection',
    summary: '',
  },
  OpenSummaryCase: {
    section: 'quality',
    title: '',
    party: { kind: 'citizen', name: '' },
    violationDate: '$today',
    decidedOn: '$today',
    provisionId: 'product-quality-law-art54',
    penalty: { kind: 'fine', fineFen: 0 },
  },
  OpenEscalation: {
    target: { kind: 'city_bureau' },
    subject: '',
    legalGround: '',
    caseSummary: { title: '', partyName: '', facts: '' },
    section: 'enforcement',
    openedOn: '$today',
  },
};
/** The opening commands this person may send, of every process, in the registry's order. */
const permittedOpenings = () => Object.values(registry.byType).flatMap((p) => p.openings.filter((o) => o.permitted).map((o) => [p, o]));
let openingForm = null;
let openingType = null;
/** A new case's form starts from the template of its opening, or from the person's section alone. */
const openingDefaults = (type) => OPENING_TEMPLATES[type] ?? { section: auth.user?.section ?? '' };
async function renderOpeningForm(type) {
  openingType = type;
  const schemas = await commandSchemas(registry.openingOf[type].route);
  openingForm = schemaForm(schemas[type], JSON.parse(fill(openingDefaults(type), type)), '', true, ['parent', 'inspectors']);
  $('#new-form').replaceChildren(openingForm.element);
  for (const b of document.querySelectorAll('[data-template]')) b.classList.toggle('active', b.dataset.template === type);
}
function openingButtons() {
  $('#openings').replaceChildren(
    ...permittedOpenings().map(([p, o]) =>
      el(
        'button',
        { type: 'button', 'data-template': o.type, onclick: () => renderOpeningForm(o.type) },
        `${p.labels.zh}：${o.labels.zh} ${o.type}`,
      ),
    ),
  );
}
$('#open-case').addEventListener('click', async () => {
  const out = $('#new-result');
  let body;
  try {
    body = { type: openingType, ...openingForm.value() };
  } catch (e) {
    out.className = 'result error';
    return (out.textContent = e.message);
  }
  const { route, caseType } = registry.openingOf[openingType];
  const r = await api('POST', route, body);
  const id = r.data.caseId;
  out.className = `result ${r.ok ? 'ok' : 'error'}`;
  out.textContent = r.ok ? `已开案 opened ${id}（${stageZh(r.data.stage, caseType)}）` : `${r.data.code}: ${r.data.message}`;
  if (r.ok) setTimeout(() => openCase(id), 1000);
});

async function loadAccounts() {
  const { ok, data } = await api('GET', '/api/users');
  const body = $('#user-list tbody');
  body.replaceChildren();
  if (!ok) return body.append(el('tr', {}, el('td', { colspan: 7, class: 'error' }, data.message)));
  for (const u of data) {
    const cert = u.certificate;
    const certValid = cert && cert.validFrom <= today() && today() <= cert.validTo;
    const toggle = async () => {
      const reason = u.disabledAt ? null : prompt(`停用 ${u.id} 的原因 / reason for disabling`);
      if (!u.disabledAt && !reason) return;
      const r = await api(
        'POST',
        `/api/users/${encodeURIComponent(u.id)}/${u.disabledAt ? 'enable' : 'disable'}`,
        u.disabledAt ? undefined : { reason },
      );
      $('#accounts-result').className = `result ${r.ok ? 'ok' : 'error'}`;
      $('#accounts-result').textContent = r.ok
        ? `${u.id}: ${u.disabledAt ? '已启用 enabled' : '已停用 disabled'}`
        : `${r.data.code}: ${r.data.message}`;
      loadAccounts();
    };
    body.append(
      el(
        'tr',
        {},
        el('td', {}, u.id),
        el('td', {}, u.name),
        el('td', {}, u.section ? SECTION_ZH[u.section] : '—'),
        el('td', {}, u.roles.map((r) => ROLE_NAMES[r] || r).join('、')),
        el('td', { class: cert && !certValid ? 'overdue' : '' }, cert ? `${cert.number}（${cert.validFrom}–${cert.validTo}）` : '—'),
        el('td', { class: u.disabledAt ? 'overdue' : '' }, u.disabledAt ? `已停用 disabled：${u.disabledReason || ''}` : '在用 active'),
        el('td', {}, el('button', { type: 'button', onclick: toggle }, u.disabledAt ? '启用 Enable' : '停用 Disable')),
      ),
    );
  }
}

$('#new-user').addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = e.target;
  const body = {
    id: f.id.value.trim(),
    name: f.name.value.trim(),
    section: f.section.value || null,
    roles: [...f.querySelectorAll('input[name=roles]:checked')].map((i) => i.value),
    password: f.password.value,
    certificate: f.certNumber.value ? { number: f.certNumber.value.trim(), validFrom: f.certFrom.value, validTo: f.certTo.value } : null,
  };
  const r = await api('POST', '/api/users', body);
  const out = $('#accounts-result');
  out.className = `result ${r.ok ? 'ok' : 'error'}`;
  out.textContent = r.ok ? `已创建 created ${r.data.id}` : `${r.data.code}: ${r.data.message}`;
  if (r.ok) {
    f.reset();
    loadAccounts();
  }
});

async function loadRefusals() {
  const { ok, data } = await api('GET', '/api/audit/refusals?limit=100');
  const body = $('#refusal-list tbody');
  body.replaceChildren();
  if (!ok) return body.append(el('tr', {}, el('td', { colspan: 5, class: 'error' }, data.message)));
  for (const r of data) {
    body.append(
      el(
        'tr',
        {},
        el('td', {}, beijingTime(r.refusedAt)),
        el('td', {}, `${r.actor.name || r.actor.id}（${ROLE_NAMES[r.actor.role] || r.actor.role}）`),
        el('td', {}, r.caseId || '—'),
        el('td', {}, r.command?.type || ''),
        el('td', {}, `${r.code}: ${r.message}`),
      ),
    );
  }
}

$('#verify-store').addEventListener('click', async () => {
  const out = $('#verify-result');
  out.textContent = '校验中 verifying…';
  const { ok, data } = await api('GET', '/api/audit/verify');
  if (!ok) return ((out.className = 'result error'), (out.textContent = data.message));
  out.className = `result ${data.ok ? 'ok' : 'error'}`;
  const log = data.identityLog;
  out.textContent = data.ok
    ? `校验通过 verified: ${data.casesChecked} 件案件 cases, ${data.eventsChecked} 个事件 events; 账户日志 identity log ${log?.entriesChecked ?? 0} 条 entries`
    : [
        ...data.broken.map((b) => `案件 ${b.caseId} 第 ${b.seq} 个事件 (${b.reason}): ${b.message}`),
        ...(log && !log.ok ? [`账户日志第 ${log.firstBreak.seq} 条 (${log.firstBreak.reason}): ${log.firstBreak.message}`] : []),
      ].join('\n');
});

$('#password-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = e.target;
  const r = await api('POST', '/api/auth/password', { currentPassword: f.currentPassword.value, newPassword: f.newPassword.value });
  const out = $('#password-result');
  out.className = `result ${r.ok ? 'ok' : 'error'}`;
  out.textContent = r.ok ? '密码已修改，其他会话已退出 / changed; other sessions were signed out' : `${r.data.code}: ${r.data.message}`;
  if (r.ok) f.reset();
});

$('#notice-filters').addEventListener('submit', loadNotices);

/** A chief's desk shows the notices of their section; the head's, those addressed to the head. */
function defaultNoticeFilters() {
  const f = $('#notice-filters');
  const roles = auth.user?.roles ?? [];
  f.recipientRole.value = roles.includes('bureau_head') ? 'bureau_head' : roles.includes('section_chief') ? 'section_chief' : '';
  f.section.value = !roles.includes('bureau_head') && roles.includes('section_chief') ? auth.user.section || '' : '';
  f.level.value = '';
}

async function loadPermissions() {
  const { ok, data } = await api('GET', '/api/auth/me');
  if (ok) auth.permissions = data.permissions;
  const can = (action) => auth.permissions.actions.includes(action);
  document.querySelector('nav [data-view=accounts]').hidden = !can('users.manage');
  document.querySelector('nav [data-view=audit]').hidden = !can('audit.read');
  document.querySelector('nav [data-view=damaged]').hidden = !can('cases.damaged');
  document.querySelector('nav [data-view=new]').hidden = permittedOpenings().length === 0;
}

async function start() {
  // what may be opened comes from the registry, so it is loaded first
  await loadProcesses();
  await loadPermissions();
  defaultNoticeFilters();
  if (auth.user?.section) for (const t of Object.values(OPENING_TEMPLATES)) t.section = auth.user.section;
  const [firstOpening] = permittedOpenings();
  if (firstOpening) await renderOpeningForm(firstOpening[1].type);
  loadHealth();
  // a case can be linked to: /#case=<caseId>
  const linked = /^#case=(.+)$/.exec(location.hash);
  if (linked) openCase(decodeURIComponent(linked[1]));
  else show('cases');
}

setInterval(() => auth.accessToken && loadHealth(), 15000);
refresh().then((ok) => (ok ? start() : signedOut()));
