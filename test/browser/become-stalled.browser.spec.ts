import type { Browser } from 'playwright-core';
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

const MINUTE = 60_000;

/** A chief watches a case become stalled, in real time: an accident whose two-hour report limit runs out while they look. */
describe('the desk while a limit runs out', () => {
  it('a chief sees an accident become stalled the minute its report upward is late, and the missed notice arrive', async () => {
    // received 1 h 59 min 30 s ago: the reports upward (2 hours, 条例 第十一条) fall due in about 30 seconds
    const receivedAt = Date.now() - 2 * 60 * MINUTE + 30_000;
    const opened = await stack.request<{ caseId: string }>(
      'POST',
      '/api/accidents',
      {
        type: 'ReceiveAccidentReport',
        reportId: `12365-${stack.id}-watch`,
        kind: 'special_equipment',
        source: 'hotline_12365',
        occurredAt: new Date(receivedAt - 10 * MINUTE).toISOString(),
        receivedAt: new Date(receivedAt).toISOString(),
        place: '某商场自动扶梯',
        casualties: { deaths: 0, seriousInjuries: 1, minorInjuries: 0 },
        equipment: { registrationCode: '31204403002015000777', equipmentType: '自动扶梯' },
        reporter: { name: '商场值班经理' },
        summary: '自动扶梯梯级塌陷，一人重伤',
        section: 'special_equipment',
      },
      'officer-hu',
    );
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId;
    await waitUntil('the accident in the read model', async () =>
      (await stack.request('GET', `/api/cases/${caseId}`, undefined, 'chief-xu')).status === 200 ? true : undefined,
    );

    const chief = await signedIn(browser, stack.baseUrl, 'chief-xu');
    await chief.click('nav >> text=督办台');
    await chief.waitForURL(/\/desk/);
    await chief.waitForSelector('[data-testid=stalled-count]');
    // before the limit: not on the desk's stalled list (which may be empty, or hold other cases)
    const before = chief.locator('[data-testid=stalled]');
    expect((await before.count()) === 0 ? '' : ((await before.textContent()) ?? '')).not.toContain(caseId);

    // the limit passes; the desk, opened again, lists the case with the reason to the minute
    await waitUntil(
      'the accident on the desk as stalled',
      async () => {
        await chief.click('nav >> text=督办通知');
        await chief.click('nav >> text=督办台');
        const stalled = await chief.waitForSelector('[data-testid=stalled]', { timeout: 5000 }).catch(() => null);
        return stalled && ((await stalled.textContent()) ?? '').includes(caseId) ? true : undefined;
      },
      90_000,
    );
    const row = chief.locator('[data-testid=stalled] tr', { hasText: caseId });
    expect(await row.textContent()).toMatch(/时限 .* 已过/);
    await screenshot(chief, 'desk-became-stalled');

    // and the missed notice to the chief has arrived on the notices page
    await chief.click('nav >> text=督办通知');
    await chief.waitForSelector('[data-testid=notices]');
    await waitUntil(
      'the missed notice on the notices page',
      async () => {
        const text = (await chief.textContent('[data-testid=notices]')) ?? '';
        if (text.includes(caseId) && /已逾期/.test(text)) return true;
        await chief.reload();
        await chief.waitForSelector('[data-testid=notices]');
        return undefined;
      },
      60_000,
    );
    await screenshot(chief, 'notice-arrived');
    expect(chief.errors).toEqual([]);
  });
});
