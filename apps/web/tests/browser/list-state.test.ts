/**
 * A list's filters, order and page live in its address: after a reload, a change of language or
 * a link to another view the list shows the same selection, and the address can be shared.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, catalogs, chooseLanguage, firstPage, launch, signIn, type Browser } from './browser';

const query = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

describe('list state in the address', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the review list keeps its filter and order through a reload and a change of language', async () => {
    const page = await firstPage(browser);
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'coordinator@psu.exchange.test');
    await chooseLanguage(page, 'en');
    await page.goto(`${baseUrl}/calls`);
    const calls = await page.$$eval('main a[href]', (links) => [
      ...new Set(links.map((link) => link.getAttribute('href') ?? '').filter((href) => /^\/calls\/[0-9a-f-]{36}$/.test(href))),
    ]);
    for (const call of calls) {
      await page.goto(`${baseUrl}${call}/applications`);
      if ((await page.locator('[data-testid="count-submitted"]').count()) > 0) break;
    }

    await page.selectOption('#status', 'submitted');
    await page.fill('#minScore', '10');
    await Promise.all([page.waitForURL(/status=submitted/), page.click('form.filters button[type="submit"]')]);
    await Promise.all([page.waitForURL(/sort=score/), page.click(`th a:has-text("${catalogs.en.review_score}")`)]);
    const chosen = query(page);
    expect(chosen).toMatchObject({ status: 'submitted', minScore: '10', sort: 'score' });
    const rows = await page.locator('[data-testid="applications"] tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThan(0);

    const check = async () => {
      expect(query(page)).toEqual(chosen);
      expect(await page.inputValue('#status')).toBe('submitted');
      expect(await page.inputValue('#minScore')).toBe('10');
      expect(await page.getAttribute(`th:has(a:has-text("${catalogs.en.review_score}"))`, 'aria-sort')).toBe(
        chosen.order === 'asc' ? 'ascending' : 'descending',
      );
    };
    await page.reload();
    await check();
    expect(await page.locator('[data-testid="applications"] tbody tr').allTextContents()).toEqual(rows);

    // The language switcher comes back to the same address.
    await chooseLanguage(page, 'ru');
    expect(query(page)).toEqual(chosen);
    expect(await page.inputValue('#status')).toBe('submitted');
    await chooseLanguage(page, 'en');

    // The export takes the same selection.
    expect(await page.getAttribute(`main a[download]:has-text("${catalogs.en.office_export_csv}")`, 'href')).toContain('status=submitted');
    expect(browser.problems).toEqual([]);
  });

  it('the public events keep their centre and language across views and reloads', async () => {
    const page = await firstPage(browser);
    await page.goto(`${baseUrl}/events`);
    const centre = await page.$eval('#filter-centre option:nth-child(2)', (option) => (option as HTMLOptionElement).value);
    await page.selectOption('#filter-centre', centre);
    await page.selectOption('#filter-lang', 'zh');
    await Promise.all([page.waitForURL(/centre=/), page.click('form.filters button[type="submit"]')]);
    expect(query(page)).toMatchObject({ centre, lang: 'zh' });

    await Promise.all([page.waitForURL(/view=month/), page.click('nav.views a[href*="view=month"]')]);
    expect(query(page)).toMatchObject({ centre, lang: 'zh', view: 'month' });
    await page.reload();
    expect(await page.inputValue('#filter-centre')).toBe(centre);
    expect(await page.inputValue('#filter-lang')).toBe('zh');
    expect(await page.getAttribute('nav.views a[href*="view=month"]', 'aria-current')).toBe('page');

    await Promise.all([page.waitForURL((url) => !url.searchParams.has('view')), page.click('nav.views a:not([href*="view=month"])')]);
    expect(query(page)).toMatchObject({ centre, lang: 'zh' });
    expect(await page.inputValue('#filter-centre')).toBe(centre);
    expect(browser.problems).toEqual([]);
  });
});
