/**
 * One's own account in the browser: a password reset through the e-mailed link (read from the
 * system's mail outbox), the sessions with "sign out everywhere else", and signing in at an
 * institution's OpenID provider that runs in this test process, set up through the
 * administrator's API route as an administrator would.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProvider, type TestProvider } from '../../../api/src/test/oidc-provider';
import { baseUrl, catalogs, demoPassword, firstPage, launch, signIn, type Browser } from './browser';

const text = catalogs.en;
const apiUrl = (process.env.API_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');
const outbox = join(process.env.DATA_DIR ?? '.data', 'outbox');

/** The newest link of a kind mailed to an address, waiting for the mail worker to write it. */
async function mailedLink(to: string, kind: 'password-reset' | 'invitation'): Promise<string> {
  const pattern = new RegExp(`/${kind}/([A-Za-z0-9_-]{43})`);
  for (let attempt = 0; attempt < 60; attempt++) {
    const files = (await readdir(outbox).catch(() => [] as string[])).sort().reverse();
    for (const file of files) {
      const raw = await readFile(join(outbox, file), 'utf8');
      const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
      if (!new RegExp(`^to:.*${to.replace(/[.]/g, '\\.')}`, 'im').test(head)) continue;
      const encoded = rest.join('\n\n');
      const body = /content-transfer-encoding: *base64/i.test(head)
        ? Buffer.from(encoded.replace(/\s/g, ''), 'base64').toString('utf8')
        : encoded.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      const match = pattern.exec(body);
      if (match) return `${baseUrl}/${kind}/${match[1]}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no ${kind} mail to ${to} in ${outbox}`);
}

async function api(method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${apiUrl}/api/v1${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> | null };
}

const signedInAs = async (page: Page) => (await page.locator('[data-testid="user-name"]').count()) > 0;

describe('password reset through the e-mailed link', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('asks for the link from the sign-in page, sets a new password once, and signs in with it', async () => {
    // An account of its own: the other browser tests sign the demo students in with the demo password.
    const email = `reset.${Date.now()}@psu.exchange.test`;
    const admin = await api('POST', '/auth/login', { email: 'admin@exchange.test', password: demoPassword });
    const institutions = await api('GET', '/institutions');
    const psu = (institutions.body!.items as { id: string; code: string }[]).find((item) => item.code === 'PSU')!;
    const created = await api(
      'POST',
      '/users',
      { email, fullName: 'Ольга Сброс', role: 'student', institutionId: psu.id, status: 'active', locale: 'ru', password: demoPassword },
      admin.body!.token as string,
    );
    expect(created.status).toBe(201);
    const page = await firstPage(browser);
    await page.goto(`${baseUrl}/login`);
    await Promise.all([page.waitForURL(`${baseUrl}/password-reset`), page.click(`a:has-text("${text.login_forgot}")`)]);
    await page.fill('input[name="email"]', email);
    await page.click('form.form button[type="submit"]');
    await page.waitForSelector('[data-testid="reset-sent"]');

    const link = await mailedLink(email, 'password-reset');
    await page.goto(link);
    await page.fill('input[name="password"]', 'Fresh-Start-2026');
    await page.fill('input[name="repeat"]', 'Fresh-Start-2027');
    await page.click('form.form button[type="submit"]');
    expect(await page.textContent('#repeat-error')).toBe(text.field_password_mismatch);

    await page.fill('input[name="password"]', 'Fresh-Start-2026');
    await page.fill('input[name="repeat"]', 'Fresh-Start-2026');
    await Promise.all([page.waitForURL(/\/login\?reset=done$/), page.click('form.form button[type="submit"]')]);
    await page.waitForSelector('[data-testid="reset-done"]');
    await signIn(page, email, 'Fresh-Start-2026');
    expect(await signedInAs(page)).toBe(true);

    // The link opens nothing a second time.
    await page.context().clearCookies();
    await page.goto(link);
    await page.fill('input[name="password"]', 'Another-Start-2026');
    await page.fill('input[name="repeat"]', 'Another-Start-2026');
    await page.click('form.form button[type="submit"]');
    await page.waitForSelector('[data-testid="link-invalid"]');
    expect(browser.problems).toEqual([]);
  });
});

describe('the account page', () => {
  let here: Browser;
  let elsewhere: Browser;
  beforeAll(async () => {
    // One after the other: two browsers starting at once on a busy machine have lost a sign-in's navigation.
    here = await launch();
    elsewhere = await launch();
  });
  afterAll(async () => {
    await Promise.all([here?.close(), elsewhere?.close()]);
  });

  it('lists the sessions and signs out everywhere else after confirming', async () => {
    const email = 'student2@buas.exchange.test';
    const other = await firstPage(elsewhere);
    await other.goto(`${baseUrl}/login`);
    await signIn(other, email);
    const page = await firstPage(here);
    await page.goto(`${baseUrl}/login`);
    await signIn(page, email);
    await Promise.all([page.waitForURL(`${baseUrl}/account`), page.click('[data-testid="account-link"]')]);

    // The page speaks the account's language (Chinese for this student).
    const words = catalogs[(await page.getAttribute('html', 'lang')) as 'en' | 'ru' | 'zh'];
    const sessions = page.locator('[data-testid="session"]');
    expect(await sessions.count()).toBeGreaterThanOrEqual(2);
    expect(await page.textContent('[data-testid="session"][data-current]')).toContain(words.account_session_this);
    // The device is named from the browser's user agent, passed on by the web server.
    expect(await page.textContent('[data-testid="sessions"]')).toMatch(/Chrom/);

    // Not without the confirmation: the box is required, and the page asks again without it.
    const before = await sessions.count();
    await page.click('form[action="?/endOthers"] button');
    expect(await sessions.count()).toBe(before);
    await page.check('input[name="confirm"]');
    await page.click('form[action="?/endOthers"] button');
    await page.waitForSelector('[data-testid="others-ended"]');
    await page.waitForSelector('[data-testid="only-this"]');
    expect(await sessions.count()).toBe(1);

    await other.reload();
    expect(await signedInAs(other)).toBe(false);
    await page.reload();
    expect(await signedInAs(page)).toBe(true);
    expect(here.problems).toEqual([]);
  });

  it('keeps the name in Latin letters, refusing other scripts beside the field', async () => {
    const page = await firstPage(here);
    await page.goto(`${baseUrl}/account`);
    const words = catalogs[(await page.getAttribute('html', 'lang')) as 'en' | 'ru' | 'zh'];
    await page.fill('#fullNameLatin', 'Лю Ян');
    await page.click('form[action="?/profile"] button');
    await page.waitForSelector('#fullNameLatin-error');
    expect(await page.textContent('#fullNameLatin-error')).toBe(words.account_full_name_latin_invalid);
    await page.fill('#fullNameLatin', 'Liu Yang');
    await Promise.all([page.waitForEvent('load'), page.click('form[action="?/profile"] button')]);
    expect(await page.inputValue('#fullNameLatin')).toBe('Liu Yang');
  });
});

describe('signing in at the institution’s provider', () => {
  let provider: TestProvider;
  let browser: Browser;
  let stranger: Browser;
  const client = { clientId: 'exchange-browser', clientSecret: 'browser-test-client-secret' };

  beforeAll(async () => {
    provider = await startTestProvider({ redirectUris: [`${baseUrl}/login/oidc/callback`], clients: [client] });
    provider.account({ sub: 'bri-coordinator', email: 'coordinator@bri.exchange.test', email_verified: true });
    provider.account({ sub: 'bri-nobody', email: 'nobody@bri.exchange.test', email_verified: true });
    const admin = await api('POST', '/auth/login', { email: 'admin@exchange.test', password: demoPassword });
    const institutions = await api('GET', '/institutions');
    const bri = (institutions.body!.items as { id: string; code: string }[]).find((item) => item.code === 'BRI')!;
    const saved = await api(
      'PUT',
      `/institutions/${bri.id}/identity-provider`,
      { issuer: provider.issuer, ...client, displayName: '宝鸡铁道学院统一身份认证' },
      admin.body!.token as string,
    );
    expect(saved.status).toBe(200);
    browser = await launch();
    stranger = await launch();
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), stranger?.close()]);
    await provider?.close();
  });

  const startAt = async (page: Page, account: string) => {
    await page.context().clearCookies();
    await page.goto(`${baseUrl}/login`);
    await page.click('[data-testid="oidc-provider"]:has-text("宝鸡铁道学院统一身份认证")');
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    await page.fill('#login', account);
    await page.click('button[type="submit"]');
  };

  it('signs a BRI coordinator in through the provider’s login page', async () => {
    const page = await firstPage(browser);
    await startAt(page, 'bri-coordinator');
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.textContent('[data-testid="user-name"]')).toBe('李建国');
    expect(browser.problems).toEqual([]);
  });

  it('refuses an account the institution has not got, and a callback opened in another browser', async () => {
    const page = await firstPage(browser);
    await startAt(page, 'bri-nobody');
    await page.waitForSelector('[data-testid="oidc-failure"][data-failure="no_account"]');
    expect(await page.textContent('[data-testid="oidc-failure"]')).toContain(text.oidc_no_account);

    // The provider's answer, carried to another browser, signs no one in there. It is caught on
    // its way (the provider's redirects followed by hand) before this browser could use it.
    let callback = '';
    await page.route(
      (url) => url.pathname.startsWith('/interaction/'),
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        const submitted = await route.fetch({ maxRedirects: 0 });
        const resume = new URL(submitted.headers()['location']!, route.request().url()).href;
        const resumed = await page.context().request.get(resume, { maxRedirects: 0 });
        callback = new URL(resumed.headers()['location']!, resume).href;
        await route.abort();
      },
    );
    await startAt(page, 'bri-coordinator').catch(() => undefined);
    await expect.poll(() => callback).toMatch(/\/login\/oidc\/callback\?.*code=/);
    const other = await firstPage(stranger);
    await other.goto(callback);
    await other.waitForSelector('[data-testid="oidc-failure"][data-failure="refused"]');
    expect(await signedInAs(other)).toBe(false);
  });
});
