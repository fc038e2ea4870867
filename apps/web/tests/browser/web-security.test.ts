/**
 * The web server's own defences, checked over HTTP against the production build: cross-site
 * form posts refused, redirects kept on the site, unreadable form bodies answered 400,
 * security headers on every page, personal pages never cached.
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, demoPassword } from './browser.js';

/** Signs in through the login form as a browser would, and returns the session cookie. */
async function signIn(email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(baseUrl).origin },
    body: new URLSearchParams({ email, password: demoPassword }),
  });
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
  expect(cookies.length, `sign-in of ${email} set no cookie (status ${response.status})`).toBeGreaterThan(0);
  return cookies.join('; ');
}

describe('web server defences', () => {
  it('refuses a cross-site form post to an action', async () => {
    const response = await fetch(`${baseUrl}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams({ email: 'admin@exchange.test', password: demoPassword }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('sends a signed-in user only to paths of this site after sign-in or a language switch', async () => {
    const origin = new URL(baseUrl).origin;
    const targets = ['/.//evil.example/x', '/..//evil.example/x', '/%2e%2e//evil.example', '/\\evil.example', '//evil.example', 'https://evil.example/'];
    for (const target of targets) {
      const signIn = await fetch(`${baseUrl}/login?redirectTo=${encodeURIComponent(target)}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin },
        body: new URLSearchParams({ email: 'student2@psu.exchange.test', password: demoPassword }),
      });
      expect([signIn.status, signIn.headers.get('location')], target).toEqual([303, '/']);
      const cookie = signIn.headers
        .getSetCookie()
        .map((value) => value.split(';')[0]!)
        .join('; ');
      const again = await fetch(`${baseUrl}/login?redirectTo=${encodeURIComponent(target)}`, { headers: { cookie }, redirect: 'manual' });
      expect([again.status, again.headers.get('location')], target).toEqual([303, '/']);
      const language = await fetch(`${baseUrl}/language`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin, cookie },
        body: new URLSearchParams({ locale: 'en', redirectTo: target }),
      });
      expect([language.status, language.headers.get('location')], target).toEqual([303, '/']);
    }
  });

  it('answers 400 with a message to a body no form sends or one that does not parse', async () => {
    const origin = new URL(baseUrl).origin;
    const bodies: [string, string, string][] = [
      ['/login', 'application/json', JSON.stringify({ email: 'admin@exchange.test', password: demoPassword })],
      ['/register', 'text/plain', 'email=a@b.c'],
      ['/language', 'application/json', '{"locale":"ru"}'],
      ['/login', 'multipart/form-data', '--x\r\ncontent-disposition: form-data; name="email"\r\n\r\na\r\n--x--'],
      ['/register', 'multipart/form-data; boundary=x', '--x\r\ncontent-disposition: form-data; name="email"\r\n\r\na'],
      ['/language', 'multipart/form-data; boundary=x', '--x\r\ncontent-disposition: form-data; name="locale"\r\n\r\nru'],
    ];
    for (const [path, type, body] of bodies) {
      const response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': type, origin },
        body,
      });
      expect(response.status, `${path} ${type}`).toBe(400);
      expect(await response.text(), `${path} ${type}`).toContain('The form could not be read');
      expect(
        response.headers.getSetCookie().filter((cookie) => cookie.startsWith('session')),
        path,
      ).toEqual([]);
    }
  });

  it('sends a strict content security policy and framing, sniffing and referrer headers', async () => {
    for (const path of ['/', '/login', '/events']) {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status, path).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      const scripts = /script-src ([^;]+)/.exec(csp)?.[1] ?? /default-src ([^;]+)/.exec(csp)?.[1] ?? '';
      expect(scripts, path).not.toContain("'unsafe-inline'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('referrer-policy'), path).toBeTruthy();
    }
  });

  it('keeps the pages of a signed-in user out of every cache', async () => {
    const cookie = await signIn('student1@psu.exchange.test');
    for (const path of ['/', '/applications', '/notifications']) {
      const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toContain('no-store');
    }
  });

  it('renders stored HTML and SQL as text, never as markup', async () => {
    const api = (process.env.API_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');
    const login = await fetch(`${api}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@exchange.test', password: demoPassword }),
    });
    const { token } = (await login.json()) as { token: string };
    const institutions = (await (await fetch(`${api}/api/v1/institutions`)).json()) as { items: { id: string; code: string }[] };
    const name = `<img src=x onerror=alert(1)>'; DROP TABLE users; --`;
    const email = `markup-${Date.now()}@psu.exchange.test`;
    // A student of its own, so no other test sees the odd name.
    const created = await fetch(`${api}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        email,
        fullName: name,
        role: 'student',
        institutionId: institutions.items.find((i) => i.code === 'PSU')!.id,
        password: demoPassword,
      }),
    });
    expect(created.status).toBe(201);
    const cookie = await signIn(email);
    const html = await (await fetch(`${baseUrl}/`, { headers: { cookie } })).text();
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
    expect(html).not.toContain('<img src=x onerror=alert(1)>');
  });
});
