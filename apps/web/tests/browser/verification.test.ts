/**
 * A student registers, cannot sign in until verified, the home coordinator verifies them from
 * the office list, and then they can sign in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, catalogs, chooseLanguage, firstPage, launch, signIn, signOut, type Browser } from './browser';

const en = catalogs.en;
const stamp = Date.now().toString(36);
const student = { email: `browser-${stamp}@psu.exchange.test`, fullName: `Ольга Тестова ${stamp}`, password: 'Sura river in spring' };

describe('registration and verification', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps typed values and shows field errors next to the fields', async () => {
    const page = await firstPage(browser);
    await page.goto(`${baseUrl}/register`);
    await chooseLanguage(page, 'en');
    await page.fill('#fullName', student.fullName);
    await page.fill('#email', 'not-an-address');
    await page.fill('#password', 'password');
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('form.form button[type="submit"]')]);
    await page.waitForSelector('#email-error');
    expect(await page.textContent('#email-error')).toContain(en.field_email_invalid);
    expect(await page.textContent('#password-error')).toContain(en.field_password_too_common);
    expect(await page.textContent('#institutionId-error')).toContain(en.field_required);
    expect(await page.textContent('#consent-error')).toContain(en.field_consent_required);
    expect(await page.inputValue('#fullName')).toBe(student.fullName);
    expect(await page.getAttribute('#email', 'aria-invalid')).toBe('true');
  });

  it('registers a PSU student who waits for verification', async () => {
    const page = await firstPage(browser);
    await page.goto(`${baseUrl}/register`);
    await page.fill('#fullName', student.fullName);
    await page.fill('#email', student.email);
    await page.fill('#password', student.password);
    await page.selectOption('#institutionId', { label: 'Penza State University' });
    await page.check('#consent');
    await Promise.all([page.waitForURL(/\/register\/done/), page.click('form.form button[type="submit"]')]);
    expect(await page.textContent('[role="status"]')).toContain(en.register_done_text_institution!.replace('{institution}', 'Penza State University'));

    await page.goto(`${baseUrl}/login`);
    await page.fill('input[name="email"]', student.email);
    await page.fill('input[name="password"]', student.password);
    await page.click('form.form button[type="submit"]');
    await page.waitForSelector('[data-testid="form-problem"]');
    expect(await page.textContent('[data-testid="form-problem"]')).toContain(en.error_account_pending);
  });

  it('the PSU coordinator verifies the student, who can then sign in', async () => {
    const page = await firstPage(browser);
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'coordinator@psu.exchange.test');
    await page.goto(`${baseUrl}/office/students`);
    expect(await page.textContent('h1')).toBe(en.students_title);
    const row = page.locator('tr', { hasText: student.email });
    expect(await row.count()).toBe(1);
    await row.locator('form[action*="/verify"] button').click();
    await page.waitForSelector('.notice.success');
    expect(await page.textContent('.notice.success')).toContain(en.students_verified!.replace('{name}', student.fullName));
    expect(await page.locator('tr', { hasText: student.email }).count()).toBe(0);
    await signOut(page);

    await page.goto(`${baseUrl}/login`);
    await signIn(page, student.email, student.password);
    expect(await page.textContent('[data-testid="user-name"]')).toBe(student.fullName);
    await signOut(page);
    expect(browser.problems).toEqual([]);
  });

  it('another institution\u2019s coordinator does not see PSU students', async () => {
    const page = await firstPage(browser);
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'coordinator@buas.exchange.test');
    await page.goto(`${baseUrl}/office/students`);
    expect(await page.locator('td', { hasText: '@psu.exchange.test' }).count()).toBe(0);
    await signOut(page);
  });

  it('a student is refused the office pages', async () => {
    const page = await firstPage(browser);
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'student2@psu.exchange.test');
    const response = await page.goto(`${baseUrl}/office/students`);
    expect(response?.status()).toBe(403);
    expect(await page.textContent('h1')).toBe(en.error_page_forbidden_title);
    await page.goto(`${baseUrl}/`);
    await signOut(page);
  });
});
