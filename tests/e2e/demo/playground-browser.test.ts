/**
 * The playground in a real browser (system Chromium through playwright-core; never a
 * downloaded one): the seeded first screen already shows an alert, and a reader taps
 * /start → a region → follow, ingests the sample article and sees its alert arrive live.
 * Screenshots stay in tests/artifacts/ (gitignored).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from 'grammy';
import type { BrowserContext, Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../../src/demo/playground.js';
import { createLogger } from '../../../src/logger.js';
import { connectRedis, REDIS_URL } from '../../support/redis.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const ARTIFACTS = new URL('../../artifacts/', import.meta.url).pathname;
const ARTICLE_URL = 'https://example.com/news/armenia-withdrawal';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic',
];

if (!HAS_CHROMIUM) {
  console.warn(`the playground browser test is skipped: no ${CHROMIUM}; install Debian's chromium package (apt-get install -y chromium)`);
}

const buttons = (page: Page, label: string) => page.locator('.kb-row button', { hasText: label });
const keyboardOf = async (page: Page) => (await page.locator('.kb-row button').allTextContents()).join('|');
/**
 * Taps a button and waits for the bot to edit the keyboard in place. The snapshot is
 * taken only once the button is on screen: taken earlier (the /start reply still on its
 * way) the reply's own arrival would pass for the edit.
 */
const tapAndWait = async (page: Page, label: string): Promise<void> => {
  await buttons(page, label).first().waitFor();
  const before = await keyboardOf(page);
  await buttons(page, label).click();
  await expect.poll(() => keyboardOf(page), { timeout: 10_000 }).not.toBe(before);
};

// A browser and a whole app per test: generous bounds for a loaded machine.
describe.skipIf(!HAS_CHROMIUM)('the playground in a browser', { timeout: 90_000 }, () => {
  const redis = connectRedis();
  const logger = createLogger('silent');
  let context: BrowserContext;
  let profile: string;
  const playgrounds: Playground[] = [];

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'tanbih-demo-chromium-'));
    // A persistent context is how Playwright takes a fresh --user-data-dir of our choosing.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 860 }, locale: 'ar',
    });
    // A missing element fails the step that looked for it, well before the test's own timeout.
    context.setDefaultTimeout(10_000);
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await context?.close();
    for (const p of playgrounds) await p.stop();
    redis.disconnect();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const open = async (seed: boolean): Promise<{ playground: Playground; page: Page }> => {
    const playground = await startPlayground({ redis, redisUrl: REDIS_URL, logger, seed });
    playgrounds.push(playground);
    const page = await context.newPage();
    await page.goto(playground.url);
    await page.locator('body[data-ready="1"]').waitFor();
    return { playground, page };
  };

  it('opens on the Arabic reader\'s chat with the seeded alert already in it', async () => {
    const { page } = await open(true);
    const alert = page.locator('.msg.bot', { has: page.locator(`a[href="${ARTICLE_URL}"]`) });
    await alert.waitFor({ timeout: 15_000 });
    await expect(alert.locator('b').first().textContent()).resolves.toContain('بوتين');
    await expect(page.locator('.msg.user').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('/follow أرمينيا'), expect.stringContaining('/follow روسيا')]),
    );
    await page.screenshot({ path: `${ARTIFACTS}demo-first-screen.png` });
    await page.close();
  });

  it('taps /start → a region → follow, ingests the article and sees its alert with the bold headline and the link', async () => {
    const { playground, page } = await open(false);
    await page.getByTestId('composer').fill('/start');
    await page.getByTestId('send').click();
    await tapAndWait(page, 'مناطق');
    const southCaucasus = buttons(page, 'جنوب القوقاز');
    // The region list is paged: either the region or the next-page button is on screen.
    await page.locator('.kb-row button').filter({ hasText: /جنوب القوقاز|التالي/ }).first().waitFor();
    for (let p = 0; p < 10 && (await southCaucasus.count()) === 0; p++) await tapAndWait(page, 'التالي');
    await southCaucasus.click();
    await expect.poll(() => southCaucasus.textContent()).toMatch(/^✅/);

    await page.getByTestId('sample-article').click();
    await page.getByTestId('ingest').click();
    await expect.poll(() => page.getByTestId('outcome').textContent()).toContain('queued');
    const alert = page.locator('.msg.bot', { has: page.locator(`a[href="${ARTICLE_URL}"]`) });
    await alert.waitFor({ timeout: 15_000 });
    await expect(alert.locator('b').first().textContent()).resolves.toContain('بوتين يوافق على سحب القوات الروسية');
    await expect(alert.locator('a').first().textContent()).resolves.toContain('اقرأ الخبر كاملاً');
    await expect(alert.locator('script, img, [onerror]').count()).resolves.toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}demo-chat.png` });
    await page.close();

    await playground.stop();
    playgrounds.splice(playgrounds.indexOf(playground), 1);
    const [, left] = await redis.scan('0', 'MATCH', `${playground.prefix}:*`, 'COUNT', 10_000);
    expect(left).toEqual([]);
  });

  it('rebuilds bot HTML from Telegram\'s tags only: markup renders, scripts and javascript: links do not, edits land in place', async () => {
    const { playground, page } = await open(false);
    const api = new Api(playground.botApi.token, { apiRoot: playground.botApi.apiRoot });
    const chatId = playground.chatIdOf('reader');
    const sent = await api.sendMessage(chatId, [
      '<b>عاجل</b> و<i>مائل</i> و<u>مسطر</u> و<s>مشطوب</s> <tg-spoiler>سر</tg-spoiler> <code>x=1</code>',
      '<blockquote>اقتباس</blockquote><a href="javascript:alert(1)">رابط خبيث</a> <a href="https://example.com/ok">رابط</a>',
      '&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;',
    ].join('\n'), { parse_mode: 'HTML' });
    const bubble = page.locator(`.msg[data-message-id="${sent.message_id}"]`);
    await bubble.waitFor();
    for (const tag of ['b', 'i', 'u', 's', 'code', 'blockquote', '.spoiler']) await expect(bubble.locator(tag).count()).resolves.toBe(1);
    await expect(bubble.locator('a[href="https://example.com/ok"]').count()).resolves.toBe(1);
    await expect(bubble.locator('a[href^="javascript"]').count()).resolves.toBe(0);
    await expect(bubble.locator('script, img').count()).resolves.toBe(0);
    await expect(bubble.textContent()).resolves.toContain('<script>alert(1)</script>');

    await api.editMessageText(chatId, sent.message_id, '<b>تحديث</b> للخبر', { parse_mode: 'HTML' });
    await expect.poll(() => bubble.locator('b').textContent()).toBe('تحديث');
    await expect(page.locator(`.msg[data-message-id="${sent.message_id}"]`).count()).resolves.toBe(1);
    await expect(bubble.textContent()).resolves.toContain('معدّلة');
    await page.close();
  });
});
