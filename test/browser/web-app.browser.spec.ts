import type { Browser } from 'playwright-core';
import { shanghaiDate } from '@qts/domain';
import { readFileSync } from 'node:fs';
import { EQUIPMENT } from '../support/directive-fixtures';
import { Stack, waitUntil } from '../support/stack';
import { launchBrowser, screenshot, signedIn } from './support/browser';

interface CaseBody {
  caseId: string;
  stage: string;
  overdue: boolean;
  timeline: { type: string; actor: { id: string } }[];
  notices: { level: string; recipientRole: string }[];
}

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  stack = await Stack.start();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const daysAgo = (n: number) => shanghaiDate(Date.now() - n * 86_400_000);
const readCase = (caseId: string) => stack.request<CaseBody>('GET', `/api/cases/${caseId}`, undefined, 'head-wang');

/** The web app on the real stack, in Debian's chromium: the pages people use, driven as they would. */
describe('the web app', () => {
  let caseId = '';

  it('an officer opens a case from the new-case page; its page names the stage in Chinese and the filing deadline with its source', async () => {
    const li = await signedIn(browser, stack.baseUrl, 'officer-li');
    await li.click('nav >> text=新建案件');
    await li.click('button:has-text("行政处罚案件：登记案源")');
    await li.fill('input[name=title]', '某厂生产不合格电线案');
    await li.fill('input[name="party.name"]', '某电线厂');
    await li.fill('textarea[name=summary]', '抽检不合格');
    await screenshot(li, 'new-case');
    await li.click('button:has-text("开启案件")');
    await li.waitForURL(/\/cases\/PEN-/);
    caseId = decodeURIComponent(new URL(li.url()).pathname.split('/').pop() ?? '');
    await li.waitForSelector('[data-testid=stage]');
    expect(await li.textContent('[data-testid=stage]')).toBe('线索核查');
    expect(await li.textContent('[data-testid=deadlines]')).toMatch(/立案决定[\s\S]*第十八条/);
    expect(await li.textContent('[data-testid=timeline]')).toContain('案件登记');
    // whose move: the head files next; the officer is offered nothing (not RecordEvidence, which the case would refuse)
    await li.waitForSelector('[data-testid=whose-move]');
    expect(await li.textContent('[data-testid=whose-move]')).toMatch(/立案审批[\s\S]*局长/);
    expect(await li.locator('[data-testid=not-my-move]').count()).toBe(1);
    expect(await li.locator('select[name=command]').count()).toBe(0);
    await screenshot(li, 'case-lead');
    expect(li.errors).toEqual([]);
    expect((await readCase(caseId)).body.stage).toBe('lead');
  });

  it('the head files it from a deep link (立案审批), naming two officers as handlers; the page shows the new stage', async () => {
    const head = await signedIn(browser, stack.baseUrl, 'head-wang');
    await head.goto(`${stack.baseUrl}/cases/${encodeURIComponent(caseId)}`);
    await head.waitForSelector('[data-testid=command-panel] select[name=command]');
    // the head's moves at 线索核查: filing (立案审批) first, with its deadline
    expect((await head.locator('select[name=command] option').allTextContents())[0]).toMatch(/^立案审批 · 期限 \d{4}-\d{2}-\d{2}$/);
    await head.selectOption('select[name=command]', 'DecideFiling');
    await head.waitForSelector('form[data-command=DecideFiling]');
    await head.selectOption('select[name=decision]', { label: '立案' });
    await head.fill('input[name=handlerIds]', 'officer-li, officer-zhao');
    await head.fill('textarea[name=reason]', '涉嫌违法，予以立案');
    await head.click('form[data-command=DecideFiling] button[type=submit]');
    await head.locator('[data-testid=stage]', { hasText: /^立案调查$/ }).waitFor({ timeout: 30_000 });
    await screenshot(head, 'case-filed');
    expect(head.errors).toEqual([]);
    expect((await readCase(caseId)).body.stage).toBe('investigation');
  });

  it('the officer advances it: records evidence; the timeline says so in Chinese, with no raw JSON', async () => {
    const li = await signedIn(browser, stack.baseUrl, 'officer-li');
    // the inbox lists the case with the command it waits for from this officer
    await li.waitForSelector('[data-testid=inbox]');
    expect(await li.textContent('[data-testid=inbox]')).toMatch(new RegExp(`登记证据[\\s\\S]*${caseId}`));
    await screenshot(li, 'inbox');
    await li.click(`[data-testid=inbox] li:has-text("${caseId}") a`);
    await li.waitForSelector('[data-testid=command-panel] select[name=command]');
    // exactly the moves the server says this officer may send now, in its words
    const moves = await stack.request<{ moves: { label: { zh: string }; mayISend: boolean }[] }>(
      'GET',
      `/api/cases/${caseId}/moves`,
      undefined,
      'officer-li',
    );
    const offered = await li.locator('select[name=command] option').allTextContents();
    expect(offered.map((o) => o.split(' · ')[0])).toEqual(moves.body.moves.filter((m) => m.mayISend).map((m) => m.label.zh));
    await li.selectOption('select[name=command]', 'RecordEvidence');
    await li.waitForSelector('form[data-command=RecordEvidence]');
    await li.fill('input[name=officerIds]', 'officer-li, officer-zhao');
    await li.fill('textarea[name=description]', '现场检查，提取样品三件');
    await li.click('form[data-command=RecordEvidence] button[type=submit]');
    await li.locator('[data-testid=timeline]', { hasText: '证据已登记' }).waitFor({ timeout: 30_000 });
    const timeline = (await li.textContent('[data-testid=timeline]')) ?? '';
    expect(timeline).toContain('现场检查，提取样品三件');
    expect(timeline).not.toMatch(/EvidenceRecorded|[{}"]/);
    await screenshot(li, 'case-evidence');
    const recorded = (await readCase(caseId)).body.timeline.find((e) => e.type === 'EvidenceRecorded');
    expect(recorded?.actor.id).toBe('officer-li');
    expect(li.errors).toEqual([]);
  });

  it('a summary penalty takes the provision from a list with its article and range, the fine in yuan; a refusal speaks in yuan', async () => {
    const chen = await signedIn(browser, stack.baseUrl, 'officer-chen');
    await chen.click('nav >> text=新建案件');
    await chen.click('button:has-text("当场处罚（简易程序）")');
    await chen.waitForSelector('form[data-command=OpenSummaryCase] select[name=provisionId] option[value="product-quality-law-art54"]', {
      state: 'attached',
    });
    const provisions = await chen.locator('select[name=provisionId] option').allTextContents();
    expect(provisions.some((o) => o.includes('《特种设备安全法》第八十四条') && o.includes('¥30,000.00–¥300,000.00'))).toBe(true);
    await chen.selectOption('select[name=provisionId]', 'product-quality-law-art54');
    await chen.fill('input[name=title]', '商品标识不规范');
    await chen.fill('input[name="party.name"]', '张三');
    await chen.fill('input[name="penalty.fineFen"]', '5000');
    await chen.click('form[data-command=OpenSummaryCase] button[type=submit]');
    const refusal = (await chen.waitForSelector('form[data-command=OpenSummaryCase] [role=alert]')).textContent();
    const refusalText = (await refusal) ?? '';
    expect(refusalText).toMatch(/罚款 5000\.00 元超过简易程序上限 200\.00 元[\s\S]*SUMMARY_THRESHOLD_EXCEEDED/);
    expect(refusalText).not.toContain('fine above');
    await screenshot(chen, 'summary-refused-in-yuan');
    await chen.fill('input[name="penalty.fineFen"]', '150.5');
    await chen.click('form[data-command=OpenSummaryCase] button[type=submit]');
    await chen.waitForURL(/\/cases\/PEN-/);
    const opened = decodeURIComponent(new URL(chen.url()).pathname.split('/').pop() ?? '');
    const body = (
      await stack.request<{ state: { decision?: { fineFen?: number } } }>('GET', `/api/cases/${opened}`, undefined, 'officer-chen')
    ).body;
    expect(JSON.stringify(body.state)).toContain('15050');
    expect(chen.errors).toEqual([]);
  });

  it('a chief sees a case past its filing deadline on the desk and its notice on the notices page, each opening the case', async () => {
    const late = await stack.request<{ caseId: string }>('POST', '/api/penalty-cases', {
      type: 'RegisterLead',
      section: 'enforcement',
      title: '逾期未立案的线索',
      party: { kind: 'organisation', name: '某五金店' },
      discoveredOn: daysAgo(40),
      leadSource: 'complaint',
      summary: '投诉：销售无标识插座',
    });
    expect(late.status).toBe(201);
    const lateId = late.body.caseId;
    // the workflow raises the missed notice to the chief as soon as it sees the deadline passed
    await waitUntil('the missed notice in the read model', async () =>
      (await readCase(lateId)).body.notices?.some((n) => n.level === 'missed' && n.recipientRole === 'section_chief') ? true : undefined,
    );
    const chief = await signedIn(browser, stack.baseUrl, 'chief-zhao');
    await chief.click('nav >> text=督办台');
    await chief.waitForSelector('[data-testid=stalled]');
    const stalled = (await chief.textContent('[data-testid=stalled]')) ?? '';
    expect(stalled).toContain(lateId);
    expect(stalled).toContain('逾期未立案的线索');
    await chief.waitForSelector('.chart canvas');
    await screenshot(chief, 'desk');
    // each figure opens the cases behind it: the overdue ones
    await chief.click('a.figure.overdue');
    await chief.waitForSelector('[data-testid=desk-cases] tbody tr');
    expect(await chief.textContent('[data-testid=desk-cases]')).toContain(lateId);
    await chief.click('nav >> text=督办台');
    await chief.waitForSelector('[data-testid=stalled]');
    await chief.click('nav >> text=督办通知');
    await chief.waitForSelector('[data-testid=notices]');
    const notices = (await chief.textContent('[data-testid=notices]')) ?? '';
    expect(notices).toContain(lateId);
    expect(notices).toMatch(/已逾期[\s\S]*逾期未立案的线索[\s\S]*立案决定[\s\S]*须办理：立案审批（局长/);
    await screenshot(chief, 'notices');
    // read and acknowledged, once
    const notice = chief.locator('[data-testid=notices] li', { hasText: lateId });
    await notice.locator('button', { hasText: '已读确认' }).click();
    await notice.locator('.ok', { hasText: '已读确认' }).waitFor();
    await notice.locator('a', { hasText: '逾期未立案的线索' }).click();
    await chief.waitForSelector('[data-testid=stage]');
    expect(await chief.textContent('[data-testid=deadlines]')).toContain('已逾期');
    expect(chief.errors).toEqual([]);
  });

  it('the case list puts overdue cases first and filters by a stage chosen in Chinese; it fits a tablet (768 px)', async () => {
    const chief = await signedIn(browser, stack.baseUrl, 'chief-zhao', 768);
    await chief.click('nav >> text=案件');
    await chief.waitForSelector('[data-testid=case-list] tbody tr');
    const first = await chief.textContent('[data-testid=case-list] tbody tr:first-child');
    expect(first).toContain('逾期');
    await chief.selectOption('select[name=type]', { label: '行政处罚案件' });
    await chief.selectOption('select[name=stage]', { label: '立案调查' });
    const rows = chief.locator('[data-testid=case-list] tbody tr');
    await waitUntil('the list filtered to the one case under investigation', async () => ((await rows.count()) === 1 ? true : undefined));
    expect(await chief.textContent('[data-testid=case-list] tbody')).toContain(caseId);
    // the page's own width against the window's (no horizontal scrolling on a tablet)
    const overflow = await chief.evaluate(() => {
      const w = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
      return w.document.documentElement.scrollWidth - w.innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(chief, 'case-list-tablet');
    expect(chief.errors).toEqual([]);
  });

  it('an inspector finds an emergency order on the equipment page (written directive outstanding) and prints its 指令书', async () => {
    const d = daysAgo(0);
    const opened = await stack.request<{ caseId: string }>(
      'POST',
      '/api/directives',
      {
        type: 'RecordEmergencyOrder',
        orderedOn: d,
        orderedAt: `${d}T09:15:00+08:00`,
        place: '幸福小区3号楼1单元电梯机房',
        measures: '立即停止使用该电梯，切断主电源',
        section: 'special_equipment',
        equipment: EQUIPMENT,
        inspectorIds: ['officer-hu', 'officer-zhu'],
        findings: '曳引钢丝绳断股，制动器失效',
        severity: 'serious_hazard',
        unitSignature: { signed: true, signedBy: '张经理' },
      },
      'officer-hu',
    );
    expect(opened.status).toBe(201);
    const hu = await signedIn(browser, stack.baseUrl, 'officer-hu');
    await hu.goto(`${stack.baseUrl}/equipment?unit=${encodeURIComponent(EQUIPMENT.userUnit.name)}`);
    const row = hu.locator('[data-testid=equipment] tr', { hasText: opened.body.caseId });
    await waitUntil('the emergency order on the equipment page', async () => {
      if ((await row.count()) === 1) return true;
      await hu.reload();
      return undefined;
    });
    expect(await row.textContent()).toMatch(/电梯[\s\S]*待补发书面指令/);
    await screenshot(hu, 'equipment');
    await row.locator('a').click();
    // no 指令书 to print before the written directive: the page says so, in words
    await hu.click('[data-testid=directive-pdf]');
    await hu.locator('[role=alert]', { hasText: '尚未下达书面安全监察指令' }).waitFor();
    // the written directive (补发), through the form generated from its schema: a list of items, a service variant
    await hu.selectOption('select[name=command]', 'IssueWrittenDirective');
    const form = hu.locator('form[data-command=IssueWrittenDirective]');
    await form.locator('input[name=directiveNo]').fill('特监指〔2026〕第101号');
    await form.locator('button', { hasText: '添加一项' }).click();
    await form.locator('[name="items.0.problem"]').fill('曳引钢丝绳断股');
    await form.locator('[name="items.0.measure"]').fill('停止使用，更换钢丝绳，检验合格后方可使用');
    await form.locator('[name=legalBasis]').fill('《特种设备安全法》第四十条、第六十一条');
    await form.locator('input[name=rectifyBy]').fill(daysAgo(-15));
    await form.locator('[name="service.receivedBy"]').fill('张经理');
    await form.locator('button[type=submit]').click();
    await hu.locator('[data-testid=timeline]', { hasText: '特监指〔2026〕第101号' }).waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([hu.waitForEvent('download'), hu.click('[data-testid=directive-pdf]')]);
    expect(download.suggestedFilename()).toBe(`${opened.body.caseId}.pdf`);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await screenshot(hu, 'case-directive');
    expect(hu.errors).toEqual([]);
  });

  it('the API answers the deep links of the app with its page, and keeps its own answers for /api and /health', async () => {
    const page = await fetch(`${stack.baseUrl}/cases/PEN-20260101-00000000`, { headers: { accept: 'text/html' } });
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(await page.text()).toContain('<div id="root">');
    const api = await fetch(`${stack.baseUrl}/api/no-such-route`, { headers: { accept: 'text/html' } });
    expect([api.status, ((await api.json()) as { code: string }).code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    const health = await fetch(`${stack.baseUrl}/health`, { headers: { accept: 'text/html' } });
    expect(health.headers.get('content-type')).toContain('application/json');
  });

  it('speaks English when asked, on the same deep link, and keeps the choice', async () => {
    const head = await signedIn(browser, stack.baseUrl, 'head-wang');
    await head.goto(`${stack.baseUrl}/cases/${encodeURIComponent(caseId)}`);
    await head.waitForSelector('[data-testid=stage]');
    await head.click('button[aria-label="language / 语言"]');
    await head.locator('[data-testid=stage]', { hasText: /^investigation$/ }).waitFor();
    expect(await head.textContent('[data-testid=timeline]')).toMatch(/evidence recorded[\s\S]*case filed/);
    await head.reload();
    await head.locator('[data-testid=stage]', { hasText: /^investigation$/ }).waitFor();
    await screenshot(head, 'case-english');
    expect(head.errors).toEqual([]);
  });
});
