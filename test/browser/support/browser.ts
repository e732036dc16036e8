import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@qts/identity';

const ROOT = path.resolve(__dirname, '../../..');
/** The screenshots of the main pages, kept as the run's artefacts (git-ignored, like every test result). */
export const SCREENSHOTS = path.join(ROOT, '.local/test-results/screenshots/web-app');
/** Debian's chromium (apt-get install chromium); no browser download. CHROMIUM_PATH names another. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The browser, after checking what the tests need is there: the built web app and a chromium. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(path.join(ROOT, 'apps/web-app/dist/index.html')))
    throw new Error('the web app is not built: run `bash scripts/build-web.sh` (npm test does, after tsc -b)');
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--lang=zh-CN'] });
}

/** A page of its own (own cookies) signed in through the sign-in form; page errors fail the test that reads them. */
export async function signedIn(browser: Browser, baseUrl: string, userId: string, width = 1280): Promise<Page & { errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = Object.assign(await context.newPage(), { errors: [] as string[] });
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(`${baseUrl}/`);
  await page.fill('input[name=userId]', userId);
  await page.fill('input[name=password]', DEMO_PASSWORD);
  await page.click('form[aria-label] button[type=submit]');
  await page.waitForSelector('[data-testid=who]');
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
