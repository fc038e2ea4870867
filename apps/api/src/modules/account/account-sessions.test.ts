/** One's own sessions: the list with devices and times, ending one, signing out everywhere else. */
import { beforeAll, describe, expect, it } from 'vitest';
import { authFixture } from '../../test/fixtures/auth.js';
import { problemOf, type TestContext } from '../../test/helper.js';

const { f } = authFixture();
let t: TestContext;
beforeAll(() => {
  t = f.t;
});

const firefox = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const safari = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

async function signIn(email: string, userAgent: string) {
  const response = await t.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: 'Exchange-Demo-2026!' },
    headers: { 'user-agent': userAgent },
  });
  expect(response.statusCode).toBe(200);
  return response.json().token as string;
}
const sessionsOf = async (token: string) => {
  const response = await t.request({ method: 'GET', url: '/api/v1/me/sessions', token });
  expect(response.statusCode).toBe(200);
  return response.json().items as { id: string; current: boolean; browser: string | null; system: string | null; refreshedAt: string | null }[];
};

describe('own sessions', () => {
  it('lists each device readably, marks this one, and shows a renewal', async () => {
    const email = 'student1@buas.exchange.test';
    const laptop = await signIn(email, firefox);
    const phone = await signIn(email, safari);
    const seen = await sessionsOf(laptop);
    expect(seen).toHaveLength(2);
    expect(seen.find((session) => session.current)).toMatchObject({ browser: 'Firefox 128', system: 'Windows 10', refreshedAt: null });
    expect(seen.find((session) => !session.current)).toMatchObject({ browser: 'Safari 17', system: 'iOS 17.5' });

    expect((await t.request({ method: 'POST', url: '/api/v1/auth/refresh', token: phone })).statusCode).toBe(200);
    const renewed = (await sessionsOf(laptop)).find((session) => !session.current)!;
    expect(renewed.refreshedAt).not.toBeNull();
    // The one renewed is the one seen in use last: first in the list.
    expect((await sessionsOf(laptop))[0]!.id).toBe(renewed.id);
  });

  it('ends one session, never someone else’s', async () => {
    const mine = await signIn('student2@buas.exchange.test', firefox);
    const other = await signIn('student2@buas.exchange.test', safari);
    const stranger = await signIn('student1@psu.exchange.test', firefox);
    const target = (await sessionsOf(mine)).find((session) => !session.current)!;

    const foreign = await t.request({ method: 'DELETE', url: `/api/v1/me/sessions/${target.id}`, token: stranger });
    expect(foreign.statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token: other })).statusCode).toBe(200);

    expect((await t.request({ method: 'DELETE', url: `/api/v1/me/sessions/${target.id}`, token: mine })).statusCode).toBe(204);
    expect(problemOf(await t.request({ method: 'GET', url: '/api/v1/me', token: other })).code).toBe('token_revoked');
    expect((await t.request({ method: 'DELETE', url: `/api/v1/me/sessions/${target.id}`, token: mine })).statusCode).toBe(404);
    expect(await sessionsOf(mine)).toHaveLength(1);
  });

  it('signs out everywhere else, keeping this session', async () => {
    const email = 'coordinator@bri.exchange.test';
    const here = await signIn(email, firefox);
    const elsewhere = [await signIn(email, safari), await signIn(email, safari)];
    const ended = await t.request({ method: 'POST', url: '/api/v1/me/sessions/end-others', token: here });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ ended: 2 });
    for (const token of elsewhere) expect((await t.request({ method: 'GET', url: '/api/v1/me', token })).statusCode).toBe(401);
    expect((await sessionsOf(here)).map((session) => session.current)).toEqual([true]);
    const audit = await t.database.rows<{ action: string }>(`select action from audit_entries where action = 'auth.sessions_end_others' and actor_email = $1`, [
      email,
    ]);
    expect(audit).toHaveLength(1);
  });
});

describe('the profile', () => {
  it('keeps the name in Latin letters and refuses other scripts there', async () => {
    const token = await t.login('student4@psu.exchange.test');
    const saved = await t.request({ method: 'PATCH', url: '/api/v1/me', token, payload: { fullName: 'Иван Смирнов', fullNameLatin: 'Ivan Smirnov' } });
    expect(saved.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token })).json()).toMatchObject({ fullName: 'Иван Смирнов', fullNameLatin: 'Ivan Smirnov' });
    const refused = await t.request({ method: 'PATCH', url: '/api/v1/me', token, payload: { fullNameLatin: 'Иван' } });
    expect(refused.statusCode).toBe(400);
    expect(problemOf(refused).errors?.[0]?.path).toContain('fullNameLatin');
  });
});
