/** The session cookie and the locale cookie: names, options and token timing. */
import type { Cookies } from '@sveltejs/kit';

export const sessionCookie = 'session';
export const localeCookie = 'locale';

/** A session lasts at most 12 hours; the token inside is renewed every few minutes. */
export const sessionMaxAgeSeconds = 12 * 60 * 60;
/** Renew the token when it has less than this left. */
export const refreshMarginMs = 5 * 60 * 1000;

type CookieOptions = Parameters<Cookies['set']>[2];

export function sessionCookieOptions(url: URL): CookieOptions {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    maxAge: sessionMaxAgeSeconds,
  };
}

export function localeCookieOptions(url: URL): CookieOptions {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    maxAge: 365 * 24 * 60 * 60,
  };
}

/** Options that delete the session cookie (they must match how it was set, `secure` included). */
export function sessionCookieDeleteOptions(url: URL): CookieOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' };
}

/** When a JWT expires, read from its payload (not verified: the API verifies it). */
export function tokenExpiry(token: string): Date | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (claims && typeof claims === 'object' && 'exp' in claims && typeof claims.exp === 'number') {
      return new Date(claims.exp * 1000);
    }
  } catch {
    // Not a JWT we can read: the API decides.
  }
  return null;
}

export function needsRefresh(expiresAt: Date | null, now: Date = new Date()): boolean {
  return expiresAt !== null && expiresAt.getTime() - now.getTime() < refreshMarginMs;
}
