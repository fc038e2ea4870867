/**
 * Binds a sign-in at an institution's provider to the browser that started it: the state the
 * API gave goes into a short-lived cookie, and the callback is refused unless the browser
 * brings the same state back. A callback link opened in another browser signs no one in.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/redirect';

export const oidcStateCookie = 'oidc_state';
/** As long as the API keeps the sign-in open. */
const maxAgeSeconds = 10 * 60;

// The provider sends the browser back with a top-level GET from its own site: SameSite=Lax travels with it.
const options = (url: URL) => ({ path: '/login/oidc', httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:' });

export function rememberState(cookies: Cookies, url: URL, state: string, redirectTo: string) {
  cookies.set(oidcStateCookie, JSON.stringify({ state, redirectTo }), { ...options(url), maxAge: maxAgeSeconds });
}

/** The page to go to afterwards when the state matches this browser's, else null; the cookie is used up either way. */
export function takeState(cookies: Cookies, url: URL, state: string | null): { redirectTo: string } | null {
  const raw = cookies.get(oidcStateCookie);
  cookies.delete(oidcStateCookie, options(url));
  if (!raw || !state) return null;
  try {
    const saved = JSON.parse(raw) as { state?: unknown; redirectTo?: unknown };
    if (typeof saved.state !== 'string') return null;
    const [a, b] = [Buffer.from(saved.state), Buffer.from(state)];
    if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
    return { redirectTo: safeRedirectPath(saved.redirectTo) };
  } catch {
    return null;
  }
}
