import { describe, expect, it } from 'vitest';
import { localeCookieOptions, needsRefresh, sessionCookieDeleteOptions, sessionCookieOptions, tokenExpiry } from './session';

const jwt = (claims: object) =>
  ['{"alg":"HS256"}', JSON.stringify(claims), 'sig'].map((part, i) => (i < 2 ? Buffer.from(part).toString('base64url') : part)).join('.');

describe('session cookie', () => {
  it('is httpOnly and SameSite=Lax, for the whole site, for 12 hours', () => {
    const options = sessionCookieOptions(new URL('http://127.0.0.1:3000/login'));
    expect(options).toMatchObject({ path: '/', httpOnly: true, sameSite: 'lax', secure: false, maxAge: 43_200 });
  });

  it('is deleted with the attributes it was set with, so browsers accept the deletion over http', () => {
    expect(sessionCookieDeleteOptions(new URL('http://127.0.0.1:3000/'))).toMatchObject({ path: '/', secure: false });
    expect(sessionCookieDeleteOptions(new URL('https://exchange.example/'))).toMatchObject({ path: '/', secure: true });
  });

  it('is Secure over https', () => {
    expect(sessionCookieOptions(new URL('https://exchange.example/')).secure).toBe(true);
    expect(localeCookieOptions(new URL('https://exchange.example/')).secure).toBe(true);
  });
});

describe('token timing', () => {
  it('reads the expiry of a JWT', () => {
    expect(tokenExpiry(jwt({ sub: 'x', exp: 1_800_000_000 }))?.toISOString()).toBe('2027-01-15T08:00:00.000Z');
  });

  it('knows nothing of other tokens', () => {
    expect(tokenExpiry('opaque')).toBeNull();
    expect(tokenExpiry('a.b.c')).toBeNull();
    expect(tokenExpiry(jwt({ sub: 'x' }))).toBeNull();
  });

  it('renews within five minutes of expiry, not before', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    expect(needsRefresh(new Date('2026-01-01T12:04:59Z'), now)).toBe(true);
    expect(needsRefresh(new Date('2026-01-01T11:59:00Z'), now)).toBe(true);
    expect(needsRefresh(new Date('2026-01-01T12:05:01Z'), now)).toBe(false);
    expect(needsRefresh(null, now)).toBe(false);
  });
});
