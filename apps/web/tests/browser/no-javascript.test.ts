import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, catalogs, chooseLanguage, firstPage, launch, signIn, signOut, type Browser } from './browser';

describe('core forms without JavaScript', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch({ javaScriptEnabled: false });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('switches language, refuses a wrong password, signs in and out', async () => {
    const page = await firstPage(browser);
    await page.goto(`${baseUrl}/login`);
    await chooseLanguage(page, 'ru');
    expect(await page.textContent('h1')).toBe(catalogs.ru.login_title);

    await page.fill('input[name="email"]', 'student1@psu.exchange.test');
    await page.fill('input[name="password"]', 'not the password');
    await Promise.all([page.waitForLoadState('load'), page.click('form.form button[type="submit"]')]);
    expect(await page.textContent('[data-testid="form-problem"]')).toContain(catalogs.ru.error_invalid_credentials);
    expect(await page.inputValue('input[name="email"]')).toBe('student1@psu.exchange.test');

    await signIn(page, 'student1@psu.exchange.test');
    expect(await page.textContent('[data-testid="user-name"]')).toBe('Анна Петрова');
    await signOut(page);
  });

  it('filters quotas by academic year', async () => {
    const page = await firstPage(browser);
    await page.goto(`${baseUrl}/login`);
    await chooseLanguage(page, 'en');
    await signIn(page, 'reviewer@buas.exchange.test');
    await page.goto(`${baseUrl}/agreements`);
    await Promise.all([page.waitForLoadState('load'), page.click('main h2 a')]);
    const all = await page.locator('table caption').count();
    await page.selectOption('select[name="academicYear"]', { index: 1 });
    await Promise.all([page.waitForURL(/academicYear=/), page.click('form[method="GET"] button')]);
    expect(await page.locator('table caption').count()).toBe(1);
    expect(all).toBeGreaterThan(1);
    await signOut(page);
  });
});
