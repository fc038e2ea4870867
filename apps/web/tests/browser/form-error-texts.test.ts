/**
 * Form mistakes are written by the server in the page language, with JavaScript and without:
 * the pages do not carry the catalog of every error text to the browser. A PSU coordinator
 * sends a new call with no title and a closing time before its opening, in Chinese.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, catalogs, chooseLanguage, firstPage, launch, signIn, type Browser } from './browser';

const zh = catalogs.zh;

async function sendMistakes(page: Page) {
  await page.goto(`${baseUrl}/login`);
  await chooseLanguage(page, 'zh');
  await signIn(page, 'coordinator@psu.exchange.test');
  await page.goto(`${baseUrl}/office/calls/new`);
  await page.waitForSelector('.call-form');
  await page.fill('#opensAt', '2027-02-01T09:00');
  await page.fill('#closesAt', '2027-01-31T18:00');
  await page.click('.call-form button[type="submit"]');
  await page.waitForSelector('#closesAt-error');
  expect(await page.textContent('#title-error')).toContain(zh.field_title_required);
  expect(await page.textContent('#closesAt-error')).toContain(zh.field_before_opening);
  // Nothing was created: still the new call's form, with what was typed.
  expect(new URL(page.url()).pathname).toBe('/office/calls/new');
  expect(await page.inputValue('#closesAt')).toBe('2027-01-31T18:00');
}

describe('form mistakes in the page language', () => {
  let browser: Browser;
  let plain: Browser;

  beforeAll(async () => {
    browser = await launch();
    plain = await launch({ javaScriptEnabled: false });
  });
  afterAll(async () => {
    await browser?.close();
    await plain?.close();
  });

  it('names each mistake beside its field when the page runs its scripts', async () => {
    await sendMistakes(await firstPage(browser));
    expect(browser.problems).toEqual([]);
  });

  it('names the same mistakes without JavaScript', async () => {
    await sendMistakes(await firstPage(plain));
  });
});
