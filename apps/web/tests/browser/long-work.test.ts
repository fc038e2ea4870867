/**
 * Leaving changed forms and waiting for long work: a changed form asks before the user leaves it
 * and not after it was saved; exports and document uploads show their progress; the
 * allocation's dry run says it is calculating. Without JavaScript the export links still download.
 */
import type { Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, catalogs, chooseLanguage, firstPage, launch, signIn, type Browser } from './browser';

const en = catalogs.en;
const ru = catalogs.ru;

/** A valid PDF of about `size` bytes: the API checks uploads by their content. */
function pdfOf(size: number) {
  const head =
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n';
  const filler = `%${'x'.repeat(78)}\n`.repeat(Math.max(0, Math.floor((size - head.length - 30) / 80)));
  return Buffer.from(`${head}${filler}trailer<</Root 1 0 R>>\n%%EOF\n`);
}

async function signInAs(page: Page, email: string, locale: 'en' | 'ru' = 'en') {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await chooseLanguage(page, locale);
  await signIn(page, email);
}

/** Records every state of the transfer panel and the values its <progress> showed. */
async function watchTransfer(page: Page) {
  await page.evaluate(() => {
    const seen: { state: string; value: number | null; max: number | null }[] = [];
    (window as unknown as { transferSeen: typeof seen }).transferSeen = seen;
    const panel = document.querySelector('[data-testid="transfer"]')!;
    const record = () => {
      const bar = panel.querySelector('progress');
      seen.push({
        state: panel.getAttribute('data-state') ?? '',
        value: bar?.hasAttribute('value') ? bar.value : null,
        max: bar?.hasAttribute('value') ? bar.max : null,
      });
    };
    new MutationObserver(record).observe(panel, { subtree: true, attributes: true, childList: true, characterData: true });
  });
}
const transferSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { transferSeen: { state: string; value: number | null; max: number | null }[] }).transferSeen);

describe('long work and unsaved changes', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a changed form asks before the user leaves it, in the page language; dismissing keeps the user there', async () => {
    const page = await firstPage(browser);
    await signInAs(page, 'coordinator@psu.exchange.test', 'ru');
    await page.goto(`${baseUrl}/office/events/new`);
    await page.click('#titleEn');
    await page.keyboard.type('Calligraphy evening');

    const dialogs: Dialog[] = [];
    const dismiss = (dialog: Dialog) => {
      dialogs.push(dialog);
      void dialog.dismiss();
    };
    page.on('dialog', dismiss);
    await page.click('main a[href="/office/events"]');
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]!.type()).toBe('confirm');
    expect(dialogs[0]!.message()).toBe(ru.unsaved_confirm);
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname).toBe('/office/events/new');
    expect(await page.inputValue('#titleEn')).toBe('Calligraphy evening');

    // A reload or closing the tab: the browser's own dialog.
    page.off('dialog', dismiss);
    const unload: Dialog[] = [];
    page.once('dialog', (dialog) => {
      unload.push(dialog);
      void dialog.accept();
    });
    await page.reload();
    expect(unload.map((dialog) => dialog.type())).toEqual(['beforeunload']);

    // Accepting leaves.
    await page.click('#titleEn');
    await page.keyboard.type('Tea ceremony');
    page.once('dialog', (dialog) => void dialog.accept());
    await Promise.all([page.waitForURL(`${baseUrl}/office/events`), page.click('main a[href="/office/events"]')]);
    expect(browser.problems).toEqual([]);
  });

  it('submitting the application while the draft has unsaved changes asks first', async () => {
    const page = await firstPage(browser);
    await signInAs(page, 'student1@psu.exchange.test');
    await page.goto(`${baseUrl}/applications`);
    await Promise.all([page.waitForURL(/\/applications\/[0-9a-f-]{36}$/), page.click(`[data-testid="my-application"] a:has-text("${en.call_continue}")`)]);
    await page.waitForSelector('[data-testid="save-application"]');
    await page.click('#motivation');
    await page.keyboard.press('End');
    await page.keyboard.type(' Меня интересует история Шёлкового пути.');

    const dialogs: string[] = [];
    const dismiss = (dialog: Dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    };
    page.on('dialog', dismiss);
    let posted = false;
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).search === '?/submit') posted = true;
    });
    await page.click('[data-testid="submit-application"]');
    await expect.poll(() => dialogs).toEqual([en.unsaved_submit_confirm]);
    await page.waitForTimeout(500);
    expect(posted).toBe(false);
    expect(await page.locator('[data-testid="missing-items"]').count()).toBe(0);
    page.off('dialog', dismiss);

    // Saving first: then the submission is sent without asking.
    await page.click('[data-testid="save-application"]');
    await page.waitForSelector(`.notice.success >> text=${en.application_saved}`);
    page.on('dialog', dismiss);
    await page.click('[data-testid="submit-application"]');
    await page.waitForSelector('[data-testid="missing-items"]');
    expect(dialogs).toHaveLength(1);
    expect(posted).toBe(true);
    page.off('dialog', dismiss);
    expect(browser.problems).toEqual([]);
  });

  it('no warning once the changes were saved', async () => {
    const page = await firstPage(browser);
    await signInAs(page, 'student1@psu.exchange.test');
    await page.goto(`${baseUrl}/applications`);
    await Promise.all([page.waitForURL(/\/applications\/[0-9a-f-]{36}$/), page.click(`[data-testid="my-application"] a:has-text("${en.call_continue}")`)]);
    await page.waitForSelector('[data-testid="save-application"]');
    await page.click('#motivation');
    await page.keyboard.press('End');
    await page.keyboard.type(' Я хочу изучать китайскую каллиграфию.');
    await page.click('[data-testid="save-application"]');
    await page.waitForSelector(`.notice.success >> text=${en.application_saved}`);

    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await Promise.all([page.waitForURL(`${baseUrl}/applications`), page.click('main a[href="/applications"]')]);
    expect(dialogs).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('an export downloads with a visible, announced progress bar', async () => {
    const page = await firstPage(browser);
    await signInAs(page, 'coordinator@psu.exchange.test');
    await page.goto(`${baseUrl}/calls`);
    const review = await page.$$eval('main a[href]', (links) =>
      links.map((link) => link.getAttribute('href') ?? '').find((href) => /^\/calls\/[0-9a-f-]{36}$/.test(href)),
    );
    await page.goto(`${baseUrl}${review}/applications?sort=score&order=desc`);
    expect(await page.getAttribute('[data-testid="transfer"] [role="status"]', 'role')).toBe('status');

    // The export is held back a moment so that its running state can be seen.
    await page.route(
      (url) => url.pathname.endsWith('/applications/export'),
      async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      },
    );
    await watchTransfer(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`main a[download]:has-text("${en.office_export_csv}")`)]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await page.waitForSelector('[data-testid="transfer"][data-state="done"]');
    expect(await page.textContent('[data-testid="transfer"] [role="status"]')).toBe(en.transfer_downloaded!.replace('{name}', download.suggestedFilename()));
    const seen = await transferSeen(page);
    expect(seen.some((entry) => entry.state === 'running')).toBe(true);
    expect(seen.at(-1)).toMatchObject({ state: 'done' });
    const done = seen.at(-1)!;
    expect(done.value).toBe(done.max);
    expect(await page.isVisible('[data-testid="transfer"] progress')).toBe(true);
    await page.unrouteAll();
    expect(browser.problems).toEqual([]);
  });

  it('a large document shows its upload progress', async () => {
    const page = await firstPage(browser);
    await signInAs(page, 'student1@psu.exchange.test');
    await page.goto(`${baseUrl}/applications`);
    await Promise.all([page.waitForURL(/\/applications\/[0-9a-f-]{36}$/), page.click(`[data-testid="my-application"] a:has-text("${en.call_continue}")`)]);
    await page.waitForSelector('[data-testid="document-cv"]');
    // A slow connection: 2 MB at 1 MB/s.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 1024 * 1024,
    });
    await watchTransfer(page);
    await page.setInputFiles('#file-cv', { name: 'cv-large.pdf', mimeType: 'application/pdf', buffer: pdfOf(2 * 1024 * 1024) });
    await page.click('[data-testid="document-cv"] form.upload button[type="submit"]');
    await page.waitForSelector('[data-testid="transfer"][data-state="running"] progress[value]');
    await page.waitForSelector('[data-testid="document-cv"] a[download]', { timeout: 60_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.waitForSelector('[data-testid="transfer"][data-state="done"]');
    expect(await page.textContent('[data-testid="transfer"] [role="status"]')).toBe(en.transfer_uploaded!.replace('{name}', 'cv-large.pdf'));
    const seen = await transferSeen(page);
    const partial = seen.filter(
      (entry) => entry.state === 'running' && entry.value !== null && entry.max !== null && entry.value > 0 && entry.value < entry.max,
    );
    expect(partial.length).toBeGreaterThan(0);
    // The finished upload is news until the next form is sent (it would otherwise stay 8 s).
    await page.click('[data-testid="save-application"]');
    await page.waitForSelector('[data-testid="transfer"][data-state="idle"]', { state: 'attached', timeout: 3000 });
    expect(browser.problems).toEqual([]);
  });

  it('the allocation dry run is busy while it calculates', async () => {
    const page = await firstPage(browser);
    await signInAs(page, 'coordinator@psu.exchange.test');
    await page.goto(`${baseUrl}/calls`);
    const calls = await page.$$eval('main a[href]', (links) =>
      links.map((link) => link.getAttribute('href') ?? '').filter((href) => /^\/calls\/[0-9a-f-]{36}$/.test(href)),
    );
    let found = false;
    for (const call of calls) {
      await page.goto(`${baseUrl}${call}/allocation`);
      if ((await page.locator('[data-testid="dry-run"]').count()) > 0) {
        found = true;
        break;
      }
    }
    expect(found).toBe(true);
    await page.route(
      (url) => url.pathname.endsWith('/allocation') && url.search === '?/dryRun',
      async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      },
    );
    await page.focus('[data-testid="dry-run"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('section[aria-busy="true"] [data-testid="dry-run"][aria-disabled="true"]');
    expect((await page.textContent('[data-testid="dry-run"]'))?.trim()).toBe(en.allocation_running);
    expect(await page.textContent('form.run [role="status"]')).toBe(en.allocation_running);
    // Busy, it keeps the focus and refuses a second run.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('dry-run');
    await page.waitForSelector('[data-testid="dry-run"]:not([aria-disabled])', { timeout: 30_000 });
    expect(await page.locator('section[aria-busy="true"]').count()).toBe(0);
    await page.unrouteAll();
    expect(browser.problems).toEqual([]);
  });
});

describe('exports without JavaScript', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch({ javaScriptEnabled: false });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the plain link downloads the file', async () => {
    const page = await firstPage(browser);
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'coordinator@psu.exchange.test');
    await page.goto(`${baseUrl}/calls`);
    const call = await page.$$eval('main a[href]', (links) =>
      links.map((link) => link.getAttribute('href') ?? '').find((href) => /^\/calls\/[0-9a-f-]{36}$/.test(href)),
    );
    await page.goto(`${baseUrl}${call}/applications`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('main a[download][href*="format=csv"]')]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
  });
});
