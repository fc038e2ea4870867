/**
 * The plan of measures in a browser: an administrator adds a measure for BUAS on the agreement
 * page; BUAS's coordinator, in Chinese, opens it, marks it done with a note and attaches the
 * minutes as a PDF; the history names who did what, the agreement page shows the measure done
 * and the July 2026 summer school overdue. axe finds nothing serious on the pages.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, catalogs, chooseLanguage, firstPage, launch, seriousViolations, signIn, type Browser } from './browser';

const en = catalogs.en;
const zh = catalogs.zh;
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 0x20), Buffer.from('\n%%EOF\n')]);

async function signInAs(page: Page, email: string, locale: 'en' | 'zh') {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await chooseLanguage(page, locale);
  await signIn(page, email);
}

describe('the plan of measures in the browser', () => {
  let browser: Browser;
  let page: Page;
  let agreementPath = '';
  const measure = `Joint photo exhibition ${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    browser = await launch();
    page = await firstPage(browser);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('lets an administrator add a measure for one of the parties', async () => {
    await signInAs(page, 'admin@exchange.test', 'en');
    await page.goto(`${baseUrl}/agreements`);
    agreementPath = (await page.getAttribute('main h2 a[href^="/agreements/"]', 'href'))!;
    await page.goto(`${baseUrl}${agreementPath}`);
    // Refused beside its field first: a measure needs a title.
    await page.click(`summary >> text=${en.plan_add_title}`);
    await page.click(`button >> text=${en.plan_add_submit}`);
    await page.waitForSelector(`#add-title-error >> text=${en.plan_error_title_required}`);
    await page.fill('#add-title-en', measure);
    await page.fill('#add-title-ru', 'Совместная фотовыставка');
    await page.fill('#add-deadline', '2027-05-15');
    await page.selectOption('#add-responsible', { label: await page.locator('#add-responsible option', { hasText: 'BUAS' }).innerText() });
    await page.click(`button >> text=${en.plan_add_submit}`);
    await page.waitForSelector(`[data-testid="agreement-done"] >> text=${en.plan_added}`);
    const row = page.locator('[data-testid="plan-table"] tbody tr', { hasText: measure });
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain(en.plan_status_planned);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets the responsible coordinator mark it done with a note and evidence', async () => {
    await signInAs(page, 'coordinator@buas.exchange.test', 'zh');
    await page.goto(`${baseUrl}${agreementPath}`);
    // The seeded summer school, due in July 2026 and still in progress, is flagged.
    const summer = page.locator('[data-testid="plan-table"] tbody tr', { hasText: '铁道运输工程联合暑期学校' });
    expect(await summer.innerText()).toContain(zh.plan_overdue);
    await Promise.all([page.waitForURL(/\/plan\/[0-9a-f-]{36}$/), page.click(`[data-testid="plan-table"] a >> text=${measure}`)]);
    expect(await seriousViolations(page)).toEqual([]);

    await page.selectOption('#report-status', 'done');
    await page.fill('#report-note', '展览已于五月举办，共展出120幅作品。');
    await page.click(`button >> text=${zh.plan_item_report_submit}`);
    await page.waitForSelector(`[data-testid="plan-item-done"] >> text=${zh.plan_item_reported}`);
    expect(await page.locator('[data-testid="plan-item-status"]').innerText()).toContain(zh.plan_status_done);

    // A text file is refused beside the field; the PDF is kept.
    await page.setInputFiles('#evidence-file', { name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('minutes') });
    await page.click(`button >> text=${zh.plan_item_evidence_submit}`);
    await page.waitForSelector(`#evidence-file-error >> text=${zh.plan_error_file_type}`);
    await page.setInputFiles('#evidence-file', { name: 'minutes.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.click(`button >> text=${zh.plan_item_evidence_submit}`);
    await page.waitForSelector(`[data-testid="plan-item-done"] >> text=${zh.plan_item_evidence_uploaded}`);
    const file = page.locator('[data-testid="plan-evidence"] a');
    expect(await file.count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), file.click()]);
    expect(download.suggestedFilename()).toMatch(/^evidence-.*\.pdf$/);

    const history = await page.locator('[data-testid="plan-history"]').innerText();
    expect(history).toContain(zh.plan_item_history_evidence_added);
    expect(history).toContain('王丽华');
    expect(history).toContain(`${zh.plan_status}: ${zh.plan_status_planned} → ${zh.plan_status_done}`);
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('shows the measure done on the agreement page, with the note as written', async () => {
    await signInAs(page, 'admin@exchange.test', 'en');
    await page.goto(`${baseUrl}${agreementPath}`);
    const row = page.locator('[data-testid="plan-table"] tbody tr', { hasText: measure });
    const text = await row.innerText();
    expect(text).toContain(en.plan_status_done);
    expect(text).toContain('展览已于五月举办');
    expect(text).toContain(en.in_language_zh!);
  });
});
