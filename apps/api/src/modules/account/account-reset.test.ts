/** Password reset by an e-mailed link: through the mail outbox, the same answer for an unknown address, expiry, reuse, the limits. */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '@exchange/db';
import { authFixture } from '../../test/fixtures/auth.js';
import { problemOf, readOutbox, type TestContext } from '../../test/helper.js';
import { resetLimits } from './account.service.js';

const { f, fromClient, login } = authFixture();
let t: TestContext;
beforeAll(() => {
  t = f.t;
});

const ask = (email: string, client = '203.0.113.30') =>
  t.request({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email }, headers: fromClient(client) });
const confirm = (token: string, password: string, client = '203.0.113.30') =>
  t.request({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password }, headers: fromClient(client) });

/** The reset links mailed to an address, oldest first, as the person would click them. */
async function linksTo(email: string) {
  await t.app.mail.deliverDue();
  const mails = (await readOutbox(t.dataDir)).filter((mail) => mail.to === email);
  return mails.flatMap((mail) => [...mail.body.matchAll(/http:\/\/localhost:3000\/password-reset\/([A-Za-z0-9_-]+)/g)].map((match) => match[1]!));
}
const tokenOf = async (email: string) => (await linksTo(email)).at(-1)!;

describe('password reset', () => {
  it('mails a link that sets a new password once, ending every session', async () => {
    const email = 'student3@psu.exchange.test';
    const before = await t.login(email);
    const asked = await ask(email);
    expect(asked.statusCode).toBe(202);
    expect(asked.json().detail).toMatch(/If an account uses this address/);
    const token = await tokenOf(email);
    expect(token).toBeDefined();

    expect((await confirm(token, 'Fresh-Start-2026')).statusCode).toBe(204);
    // Whoever was signed in (perhaps the one who took the account) is out at once.
    const refused = await t.request({ method: 'GET', url: '/api/v1/me', token: before });
    expect(problemOf(refused).code).toBe('token_revoked');
    expect((await login(email, demoPassword, '203.0.113.31')).statusCode).toBe(401);
    const signedIn = await login(email, 'Fresh-Start-2026', '203.0.113.31');
    expect(signedIn.statusCode).toBe(200);
    // The link proved the address.
    const me = await t.request({ method: 'GET', url: '/api/v1/me', token: signedIn.json().token });
    expect(me.json().emailVerifiedAt).not.toBeNull();

    const again = await confirm(token, 'Another-Start-2026');
    expect(again.statusCode).toBe(400);
    expect(problemOf(again).code).toBe('invalid_link');
    expect((await login(email, 'Fresh-Start-2026', '203.0.113.31')).statusCode).toBe(200);
  });

  it('answers an unknown address exactly as a known one, and mails nobody', async () => {
    await t.app.mail.deliverDue();
    const mailsBefore = (await readOutbox(t.dataDir)).length;
    const unknown = await ask('nobody.here@psu.exchange.test', '203.0.113.32');
    const known = await ask('student4@psu.exchange.test', '203.0.113.32');
    expect([unknown.statusCode, known.statusCode]).toEqual([202, 202]);
    expect(unknown.body).toBe(known.body);
    const strip = (headers: Record<string, unknown>) =>
      Object.keys(headers)
        .filter((name) => !['date', 'x-request-id'].includes(name))
        .sort();
    expect(strip(unknown.headers)).toEqual(strip(known.headers));
    await t.app.mail.deliverDue();
    const mails = await readOutbox(t.dataDir);
    expect(mails.length).toBe(mailsBefore + 1);
    expect(mails.some((mail) => mail.to === 'nobody.here@psu.exchange.test')).toBe(false);
  });

  it('refuses a link past its hour, only the newest link works, and a tampered one fails alike', async () => {
    const email = 'student5@psu.exchange.test';
    await ask(email, '203.0.113.33');
    const first = await tokenOf(email);
    await ask(email, '203.0.113.33');
    const second = await tokenOf(email);
    expect(second).not.toBe(first);
    const older = await confirm(first, 'Fresh-Start-2026', '203.0.113.33');
    const tampered = await confirm(`${second.slice(0, -2)}xx`, 'Fresh-Start-2026', '203.0.113.33');
    // The hour passes.
    await t.database.rows(
      `update account_tokens set expires_at = now() - interval '1 second' where user_id = (select id from users where email = $1) and used_at is null`,
      [email],
    );
    const expired = await confirm(second, 'Fresh-Start-2026', '203.0.113.33');
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    for (const refused of [older, tampered, expired]) {
      expect(refused.statusCode).toBe(400);
      expect(strip(problemOf(refused))).toEqual(strip(problemOf(older)));
    }
    expect((await login(email, demoPassword, '203.0.113.34')).statusCode).toBe(200);
  });

  it('sends no link to a disabled account, and a link sent before disabling no longer works', async () => {
    const email = 'student2@psu.exchange.test';
    await ask(email, '203.0.113.35');
    const token = await tokenOf(email);
    const admin = await t.login('admin@exchange.test');
    const [{ id } = { id: '' }] = await t.database.rows<{ id: string }>('select id from users where email = $1', [email]);
    expect((await t.request({ method: 'PATCH', url: `/api/v1/users/${id}`, token: admin, payload: { status: 'disabled' } })).statusCode).toBe(200);
    expect(problemOf(await confirm(token, 'Fresh-Start-2026', '203.0.113.35')).code).toBe('invalid_link');
    const linksBefore = (await linksTo(email)).length;
    expect((await ask(email, '203.0.113.35')).statusCode).toBe(202);
    expect((await linksTo(email)).length).toBe(linksBefore);
  });

  it('limits requests per address and per client, known address or not', async () => {
    for (const email of ['coordinator@bri.exchange.test', 'nobody.else@bri.exchange.test']) {
      for (let i = 0; i < resetLimits.perEmail; i++) {
        expect((await ask(email, `203.0.113.${40 + i}`)).statusCode).toBe(202);
      }
      const limited = await ask(email, '203.0.113.49');
      expect(limited.statusCode).toBe(429);
      expect(problemOf(limited).code).toBe('rate_limited');
    }
    const client = '198.51.100.7';
    for (let i = 0; i < resetLimits.perClient; i++) {
      expect((await ask(`someone${i}@example.test`, client)).statusCode).toBe(202);
    }
    expect((await ask('someone.more@example.test', client)).statusCode).toBe(429);
    // Another client is not held up by it.
    expect((await ask('someone.more@example.test', '198.51.100.8')).statusCode).toBe(202);
  });
});
