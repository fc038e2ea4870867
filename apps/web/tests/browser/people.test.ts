/**
 * People in a browser: PSU's coordinator imports a small CSV with one bad row, reads the
 * preview naming that row and why, imports the rest, follows the progress to the end and finds
 * the new students in the list, then disables one after confirming; the administrator opens the
 * audit log, narrows it to those imports and to another institution, and downloads the filtered
 * entries. axe finds nothing serious on the preview and the log. The e-mails are new for each
 * run, so the demo data other tests use stays as it is.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, catalogs, chooseLanguage, firstPage, launch, seriousViolations, signIn, type Browser } from './browser';

const en = catalogs.en;
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
const run = randomBytes(3).toString('hex');
const students = [
  { email: `lena.${run}@psu.example.test`, name: `Елена Сидорова ${run}` },
  { email: `ivan.${run}@psu.example.test`, name: `Иван Кузнецов ${run}` },
];
const list = [
  'E-mail,ФИО,Name (Latin),Language,Level',
  `${students[0]!.email},${students[0]!.name},Elena Sidorova,ru,Master`,
  `lena-at-example.test,Без почты ${run},,ru,6`,
  `${students[1]!.email},${students[1]!.name},Ivan Kuznetsov,en,bachelor`,
].join('\r\n');

async function signInAs(page: Page, email: string) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await chooseLanguage(page, 'en');
  await signIn(page, email);
}

describe('people in the browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    page = await firstPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a coordinator previews a list with one bad row, imports the rest and finds the students', async () => {
    await signInAs(page, 'coordinator@psu.exchange.test');
    await page.goto(`${baseUrl}/users`);
    await page.click('a[href="/users/import"]');
    await page.setInputFiles('#import-file', { name: 'intake.csv', mimeType: 'text/csv', buffer: Buffer.from(list) });
    await Promise.all([
      page.waitForSelector('[data-testid="import-summary"]'),
      page.click('[data-testid="import-form"] button[type="submit"]:not([formaction])'),
    ]);

    expect(await page.inputValue('#map-email')).toBe('0');
    expect(await page.inputValue('#map-fullNameLatin')).toBe('2');
    const summary = await page.textContent('[data-testid="import-summary"]');
    expect(summary).toContain(fill(en.import_summary_new!, { count: 2 }));
    expect(summary).toContain(fill(en.import_summary_errors!, { count: 1 }));
    const errorRows = await page.locator('[data-testid="import-errors"] tbody tr').allTextContents();
    expect(errorRows).toHaveLength(1);
    expect(errorRows[0]).toContain('3');
    expect(errorRows[0]).toContain('lena-at-example.test');
    expect(errorRows[0]).toContain(en.field_email_invalid!);
    expect(await seriousViolations(page)).toEqual([]);

    await Promise.all([page.waitForURL(/\/users\/import\/[0-9a-f-]{36}$/), page.click('[data-testid="import-submit"]')]);
    await page.waitForFunction(
      (done) => document.querySelector('[data-testid="import-status"]')?.textContent?.includes(done),
      fill(en.import_progress_done!, { created: 2, unchanged: 0 }),
      { timeout: 30_000 },
    );
    expect(await page.getAttribute('#import-bar', 'value')).toBe('2');

    await page.goto(`${baseUrl}/users?q=${run}`);
    const rows = await page.locator('[data-testid="people-table"] tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    for (const student of students) expect(rows.some((row) => row.includes(student.name) && row.includes(en.people_invitation_pending!))).toBe(true);
  });

  it('disables a student only after confirming', async () => {
    const row = page.locator('[data-testid="people-table"] tbody tr', { hasText: students[0]!.name });
    await row.locator('button', { hasText: en.people_disable! }).click();
    await page.waitForSelector('[data-testid="disable-confirm"]');
    expect(await page.textContent('[data-testid="disable-confirm"]')).toContain(fill(en.people_disable_confirm_title!, { name: students[0]!.name }));
    // Nothing changed yet: the row still offers to disable.
    expect(await row.locator('button', { hasText: en.people_disable! }).count()).toBe(1);
    await page.click('[data-testid="disable-confirm"] button[type="submit"]');
    await page.waitForSelector('.notice.success');
    expect(await page.textContent('.notice.success')).toContain(fill(en.people_done_disabled!, { name: students[0]!.name }));
    await page.goto(`${baseUrl}/users?q=${run}&status=disabled`);
    expect(await page.locator('[data-testid="people-table"] tbody tr').allTextContents()).toEqual([expect.stringContaining(students[0]!.name)]);
  });

  it('an administrator filters the audit log and downloads what the filters show', async () => {
    await signInAs(page, 'admin@exchange.test');
    await page.goto(`${baseUrl}/audit`);
    const everything = await page.locator('[data-testid="audit-table"] tbody tr').count();
    expect(everything).toBeGreaterThan(0);

    await page.fill('#audit-action', 'user.import');
    await page.fill('#audit-actor', 'coordinator@psu');
    await Promise.all([page.waitForURL(/action=user\.import/), page.click('[data-testid="audit-filters"] button[type="submit"]')]);
    const imports = await page.locator('[data-testid="audit-table"] tbody tr').allTextContents();
    expect(imports.length).toBeGreaterThanOrEqual(2);
    expect(imports.every((text) => text.includes('user.import') && text.includes('coordinator@psu.exchange.test'))).toBe(true);
    expect(imports.some((text) => text.includes(students[1]!.email))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`a:has-text("${en.audit_export_csv}")`)]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain(students[1]!.email);
    expect(csv.split('\r\n').filter((line) => line.includes('"user.import"')).length).toBe(imports.length);

    const buas = await page.locator('#audit-institution option', { hasText: 'Baoji University of Arts' }).getAttribute('value');
    await page.selectOption('#audit-institution', buas!);
    await Promise.all([page.waitForURL(/institutionId=[0-9a-f]/), page.click('[data-testid="audit-filters"] button[type="submit"]')]);
    expect(await page.locator('[data-testid="audit-empty"]').count()).toBe(1);
    expect(browser.problems).toEqual([]);
  });
});
