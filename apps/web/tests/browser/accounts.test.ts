import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, catalogs, chooseLanguage, firstPage, launch, signIn, signOut, type Browser } from './browser';

type Role = 'admin' | 'coordinator' | 'reviewer' | 'student';
const accounts: { email: string; fullName: string; role: Role }[] = [
  { email: 'admin@exchange.test', fullName: 'Agreement Administrator', role: 'admin' },
  { email: 'coordinator@psu.exchange.test', fullName: 'Ирина Сергеевна Волкова', role: 'coordinator' },
  { email: 'coordinator@buas.exchange.test', fullName: '王丽华', role: 'coordinator' },
  { email: 'coordinator@bri.exchange.test', fullName: '李建国', role: 'coordinator' },
  { email: 'reviewer@buas.exchange.test', fullName: '陈晓明', role: 'reviewer' },
  { email: 'student1@psu.exchange.test', fullName: 'Анна Петрова', role: 'student' },
  { email: 'student2@psu.exchange.test', fullName: 'Дмитрий Иванов', role: 'student' },
  { email: 'student3@psu.exchange.test', fullName: 'Мария Смирнова', role: 'student' },
  { email: 'student4@psu.exchange.test', fullName: 'Алексей Кузнецов', role: 'student' },
  { email: 'student5@psu.exchange.test', fullName: 'Екатерина Соколова', role: 'student' },
  { email: 'student1@buas.exchange.test', fullName: '张伟', role: 'student' },
  { email: 'student2@buas.exchange.test', fullName: '刘洋', role: 'student' },
];

const languages = ['en', 'ru', 'zh'] as const;

describe.each(languages)('signing in and out in %s', (locale) => {
  const text = catalogs[locale];
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(accounts)('$email', async (account) => {
    const page = await firstPage(browser);
    await page.goto(`${baseUrl}/login`);
    await chooseLanguage(page, locale);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    expect(await page.textContent('h1')).toBe(text.login_title);

    await signIn(page, account.email);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    expect(await page.textContent('[data-testid="user-name"]')).toBe(account.fullName);
    expect(await page.textContent('[data-testid="user-role"]')).toBe(text[`role_${account.role}`]);
    expect(await page.textContent('h1')).toBe(text.welcome_title!.replace('{name}', account.fullName));

    const nav = (await page.locator('nav[aria-label] a').allTextContents()).map((item) => item.trim());
    expect(nav).toContain(text.nav_home);
    expect(nav).toContain(account.role === 'admin' ? text.nav_agreements_quotas : text.nav_agreements);
    if (account.role === 'admin' || account.role === 'coordinator') expect(nav).toContain(text.nav_verify_students);
    else expect(nav).not.toContain(text.nav_verify_students);

    expect((await browser.context.cookies()).find((cookie) => cookie.name === 'session')?.httpOnly).toBe(true);
    await signOut(page);
    expect(await page.locator('[data-testid="user-name"]').count()).toBe(0);
    expect((await browser.context.cookies()).some((cookie) => cookie.name === 'session')).toBe(false);
    expect(browser.problems).toEqual([]);
  });
});
