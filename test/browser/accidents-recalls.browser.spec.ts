import type { Browser, Page } from 'playwright-core';
import { addDays, isDomainError, resolveDirectiveRules, shanghaiDate, writtenDirectiveDeadline } from '@qts/domain';
import { EQUIPMENT, calendar } from '../support/directive-fixtures';
import { Stack, waitUntil } from '../support/stack';
import { launchBrowser, screenshot, signedIn } from './support/browser';

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

const HOUR = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A product-quality accident in 质量监督科, received `hoursAgo` hours ago (over HTTP, as the 12315 hotline would). */
async function openAccident(tag: string, hoursAgo: number): Promise<string> {
  const now = Date.now();
  const res = await stack.request<{ caseId: string }>(
    'POST',
    '/api/accidents',
    {
      type: 'ReceiveAccidentReport',
      reportId: `12315-${stack.id}-${tag}`,
      kind: 'product_quality',
      source: 'hotline_12315',
      occurredAt: iso(now - (hoursAgo + 1) * HOUR),
      receivedAt: iso(now - hoursAgo * HOUR),
      place: `某区某街道（${tag}）`,
      casualties: { deaths: 0, seriousInjuries: 1, minorInjuries: 0 },
      product: { name: '某牌压力锅', producer: '某厨具有限公司', batch: '2026-05' },
      reporter: { name: '李四', phone: '13900000000' },
      summary: '压力锅锅盖飞出，一人重伤',
      section: 'quality',
    },
    'officer-chen',
  );
  expect(res.status).toBe(201);
  return res.body.caseId;
}

async function recallCommand(id: string, body: Record<string, unknown>): Promise<void> {
  const res = await stack.request<{ code?: string }>('POST', `/api/recalls/${id}/commands`, body, 'officer-chen');
  expect({ type: body['type'], status: res.status, refusal: res.body.code }).toEqual({
    type: body['type'],
    status: 200,
    refusal: undefined,
  });
}

/** The page's own width against the window's: no horizontal scrolling (wide tables scroll in their own box). */
const overflowOf = (page: Page) =>
  page.evaluate(() => {
    const w = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
    return w.document.documentElement.scrollWidth - w.innerWidth;
  });

/** The 事故 and 召回 pages on the real stack, in Debian's chromium, as a section chief reads them. */
describe('the accident and recall lists in the web app', () => {
  it('a chief sees the accident whose report upward is late first, marked overdue, and the recall with its risk and curve', async () => {
    const fresh = await openAccident('fresh', 0.2);
    const late = await openAccident('late', 3);

    const d = shanghaiDate(Date.now());
    const opened = await stack.request<{ caseId: string }>(
      'POST',
      '/api/recalls',
      {
        type: 'RegisterDefectSignal',
        section: 'quality',
        product: { category: 'consumer_goods', name: '儿童电动滑板车' },
        producer: { name: '某童车有限公司' },
        source: 'accident',
        receivedOn: d,
        description: '事故调查认定刹车缺陷',
      },
      'officer-chen',
    );
    expect(opened.status).toBe(201);
    const recall = opened.body.caseId;
    await recallCommand(recall, { type: 'StartDefectInvestigation', startedOn: d, mode: 'district', note: '本局调查' });
    await recallCommand(recall, { type: 'NotifyProducer', notifiedOn: d, findings: '刹车缺陷', notifiedBy: '区市场监管局' });
    await recallCommand(recall, {
      type: 'FileRecallPlan',
      filedOn: d,
      unitsAffected: 1000,
      remedy: 'repair',
      plannedCompletionOn: addDays(d, 180),
      measures: '免费维修',
    });
    await recallCommand(recall, { type: 'PublishRecall', publishedOn: d, checkLevel: 'C', channel: '区局网站' });
    await recallCommand(recall, { type: 'SubmitProgressReport', reportedOn: d, unitsNotified: 800, unitsRemedied: 300 });
    await recallCommand(recall, { type: 'AssessRecallRisk', assessedOn: d, level: 'high', basis: '刹车失灵可致儿童受伤' });
    await waitUntil('both lists in the read model', async () => {
      const accidents = await stack.request<{ items: { caseId: string }[] }>('GET', '/api/accidents', undefined, 'chief-liu');
      const recalls = await stack.request<{ items: { caseId: string; risk: string | null }[] }>(
        'GET',
        '/api/recalls',
        undefined,
        'chief-liu',
      );
      const ids = accidents.body.items.map((i) => i.caseId);
      return ids.includes(fresh) && ids.includes(late) && recalls.body.items.some((r) => r.caseId === recall && r.risk === 'high')
        ? true
        : undefined;
    });

    for (const width of [1280, 768]) {
      const chief = await signedIn(browser, stack.baseUrl, 'chief-liu', width);
      await chief.click('nav >> text=事故');
      await chief.waitForSelector('[data-testid=accidents] tbody tr');
      const rows = chief.locator('[data-testid=accidents] tbody tr');
      expect(await rows.count()).toBe(2);
      const first = (await rows.nth(0).textContent()) ?? '';
      expect(first).toContain(late);
      expect(first).toMatch(/产品质量事故[\s\S]*未定级[\s\S]*3 小时[\s\S]*向区人民政府报告事故[\s\S]*已逾期/);
      expect(await rows.nth(0).getAttribute('class')).toContain('overdue-row');
      const second = (await rows.nth(1).textContent()) ?? '';
      expect(second).toContain(fresh);
      expect(second).toContain('0 小时');
      expect(second).not.toContain('已逾期');
      expect(await overflowOf(chief)).toBeLessThanOrEqual(0);
      await screenshot(chief, `accidents-${width}`);

      await chief.click('nav >> text=召回');
      await chief.waitForSelector('[data-testid=recalls] tbody tr');
      const row = chief.locator('[data-testid=recalls] tbody tr', { hasText: recall });
      expect(await row.locator('[data-testid=risk]').textContent()).toBe('高风险');
      expect(await row.textContent()).toMatch(/儿童电动滑板车[\s\S]*某童车有限公司[\s\S]*30\.0%[\s\S]*共 1000 件/);
      expect(await row.locator('svg.sparkline polyline').count()).toBe(1);
      expect(await overflowOf(chief)).toBeLessThanOrEqual(0);
      await screenshot(chief, `recalls-${width}`);
      // the risk filter: none of low risk
      await chief.selectOption('form.filters select', { label: '低风险' });
      await chief.waitForSelector('text=没有召回案件');
      expect(chief.errors).toEqual([]);
      await chief.context().close();
    }

    // from the list to the case: its kind in words, and 风险评估 offered with its levels in Chinese
    const chief = await signedIn(browser, stack.baseUrl, 'chief-liu');
    await chief.click('nav >> text=召回');
    await chief.click(`[data-testid=recalls] a:has-text("${recall}")`);
    await chief.waitForSelector('[data-testid=procedure]');
    expect(await chief.textContent('[data-testid=procedure]')).toBe('类别：主动召回');
    await chief.waitForSelector('[data-testid=command-panel] select[name=command]');
    await chief.selectOption('select[name=command]', 'AssessRecallRisk');
    await chief.waitForSelector('form[data-command=AssessRecallRisk]');
    const levels = await chief.locator('form[data-command=AssessRecallRisk] select[name=level] option').allTextContents();
    expect(levels).toEqual(expect.arrayContaining(['高风险', '中风险', '低风险']));
    await screenshot(chief, 'recall-assess-risk');
    await chief.goto(`${stack.baseUrl}/cases/${encodeURIComponent(late)}`);
    await chief.waitForSelector('[data-testid=procedure]');
    expect(await chief.textContent('[data-testid=procedure]')).toBe('类别：产品质量事故 · 未定级 · 调查主体待界定');
    // the same list in English, when asked
    await chief.click('nav >> text=事故');
    await chief.waitForSelector('[data-testid=accidents] tbody tr');
    await chief.click('button[aria-label="language / 语言"]');
    const english = chief.locator('[data-testid=accidents] tbody tr').first();
    await english.locator('text=overdue').waitFor();
    expect(await english.textContent()).toMatch(
      /product quality accident[\s\S]*not graded[\s\S]*3 h[\s\S]*report the accident to the district government/,
    );
    await screenshot(chief, 'accidents-english');
    expect(chief.errors).toEqual([]);
  });

  it('an inspector finds the reminder naming them under 给我的, and the 特种设备 page lists the emergency order on opening', async () => {
    // an order given a few days ago whose written directive is due soon: the inspectors' reminder day has come
    const d = shanghaiDate(Date.now());
    const orderedOn = [1, 2, 3, 4, 5]
      .map((n) => addDays(d, -n))
      .find((on) => {
        const rules = resolveDirectiveRules(on);
        if (isDomainError(rules)) return false;
        const due = writtenDirectiveDeadline(calendar, rules, on);
        return due.inspectorReminderOn !== undefined && due.inspectorReminderOn <= d && d <= due.due;
      });
    if (!orderedOn) throw new Error(`no order date in the five days before ${d} has its reminder due today`);
    const order = await stack.request<{ caseId: string }>(
      'POST',
      '/api/directives',
      {
        type: 'RecordEmergencyOrder',
        orderedOn,
        orderedAt: `${orderedOn}T16:40:00+08:00`,
        place: '锅炉房',
        measures: '立即停炉，关闭燃气总阀',
        equipment: { ...EQUIPMENT, registrationCode: '3110310105201906003', type: 'boiler' },
        section: 'special_equipment',
        inspectorIds: ['officer-hu', 'officer-zhu'],
        findings: '安全阀失效',
        severity: 'serious_hazard',
        unitSignature: { signed: true, signedBy: '李主任' },
      },
      'officer-hu',
    );
    expect(order.status).toBe(201);
    const caseId = order.body.caseId;
    await waitUntil('the inspectors’ reminder in the notices', async () => {
      const res = await stack.request<{ items: { caseId: string }[] }>(
        'GET',
        '/api/notices?recipientId=officer-hu',
        undefined,
        'officer-hu',
      );
      return res.body.items.some((n) => n.caseId === caseId) ? true : undefined;
    });

    const hu = await signedIn(browser, stack.baseUrl, 'officer-hu');
    await hu.click('nav >> text=督办通知');
    const reminder = hu.locator('[data-testid=notices] li', { hasText: caseId });
    await reminder.waitFor();
    expect(await hu.locator('form.filters select').first().inputValue()).toBe('me');
    expect(await reminder.textContent()).toMatch(/致 执法人员（officer-hu、officer-zhu）/);
    await screenshot(hu, 'notices-to-me');
    // officer-li is not named: nothing under 给我的 for him, the reminder under 执法人员
    const li = await signedIn(browser, stack.baseUrl, 'officer-li');
    await li.click('nav >> text=督办通知');
    await li.waitForSelector('text=没有督办通知');
    expect(li.errors).toEqual([]);

    await hu.click('nav >> text=特种设备');
    await hu.waitForSelector('[data-testid=equipment] tbody tr');
    const row = (await hu.textContent('[data-testid=equipment] tbody tr:first-child')) ?? '';
    expect(row).toContain(caseId);
    expect(row).toMatch(/3110310105201906003[\s\S]*锅炉[\s\S]*待补发书面指令/);
    await screenshot(hu, 'equipment-all');
    await hu.goto(`${stack.baseUrl}/cases/${encodeURIComponent(caseId)}`);
    await hu.waitForSelector('[data-testid=procedure]');
    expect(await hu.textContent('[data-testid=procedure]')).toBe('类别：现场紧急处置');
    // the case's notices name the two inspectors beside the role
    expect(await hu.locator('.card', { hasText: '督办通知' }).textContent()).toContain('执法人员（officer-hu、officer-zhu）');
    await screenshot(hu, 'directive-reminded');
    expect(hu.errors).toEqual([]);
  });
});
