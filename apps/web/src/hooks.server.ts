import { AsyncLocalStorage } from 'node:async_hooks';
import { isLocale, negotiateLocale, type Locale } from '@exchange/shared';
import type { Handle, HandleServerError, RequestEvent } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { overwriteServerAsyncLocalStorage } from '@exchange/texts/runtime';
import { m } from '@exchange/texts/messages';
import { ApiError, createApi } from '$lib/server/api';
import { refuseUnreadableForm } from '$lib/server/form-body';
import { log } from '$lib/server/log';
import { localeCookie, needsRefresh, sessionCookie, sessionCookieDeleteOptions, sessionCookieOptions, tokenExpiry } from '$lib/server/session';

type LocaleStore = { locale?: Locale; origin?: string; messageCalls?: Set<string> };
const localeStorage = new AsyncLocalStorage<LocaleStore>();
overwriteServerAsyncLocalStorage(localeStorage);

/** The page language: the visitor's choice (cookie), else their browser's, else English. */
const locale: Handle = ({ event, resolve }) => {
  const chosen = event.cookies.get(localeCookie);
  const current = isLocale(chosen) ? chosen : negotiateLocale(event.request.headers.get('accept-language'));
  event.locals.locale = current;
  return localeStorage.run({ locale: current, origin: event.url.origin, messageCalls: new Set() }, () =>
    resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', current) }),
  );
};

function clientAddress(event: RequestEvent): string | null {
  try {
    return event.getClientAddress();
  } catch {
    return null;
  }
}

/** The signed-in user, from the session cookie; the token is renewed quietly near expiry. */
const auth: Handle = async ({ event, resolve }) => {
  const address = clientAddress(event);
  const userAgent = event.request.headers.get('user-agent');
  let token = event.cookies.get(sessionCookie) || null;
  event.locals.user = null;
  event.locals.api = createApi({ token, clientAddress: address, userAgent });

  if (token) {
    const signOut = () => {
      event.cookies.delete(sessionCookie, sessionCookieDeleteOptions(event.url));
      token = null;
      event.locals.api = createApi({ token: null, clientAddress: address, userAgent });
    };
    if (needsRefresh(tokenExpiry(token))) {
      try {
        const renewed = await event.locals.api.refresh();
        token = renewed.token;
        event.cookies.set(sessionCookie, token, sessionCookieOptions(event.url));
        event.locals.api = createApi({ token, clientAddress: address, userAgent });
        event.locals.user = renewed.user;
      } catch (error) {
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) signOut();
        else log.warn('Token renewal failed', { error: String(error) });
      }
    }
    if (token && !event.locals.user) {
      try {
        event.locals.user = await event.locals.api.me();
      } catch (error) {
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) signOut();
        // Otherwise the API is unreachable: this request goes on signed out, the cookie stays.
      }
    }
  }

  const response = await resolve(event);
  if (event.locals.user) response.headers.set('cache-control', 'no-store');
  return response;
};

/** A POST whose body is not a readable form answers 400 with a message (see form-body.ts). */
const formBodies: Handle = async ({ event, resolve }) => {
  const refused = await refuseUnreadableForm(event.request);
  if (refused === null) return resolve(event);
  const message = refused === 413 ? m.error_file_too_large() : `${m.error_page_bad_form_title()}\n${m.error_page_bad_form_text()}`;
  return new Response(`${message}\n`, { status: refused, headers: { 'content-type': 'text/plain; charset=utf-8' } });
};

/** Headers every answer carries; the Content-Security-Policy comes from svelte.config.js. */
const securityHeaders: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'same-origin');
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set('cross-origin-opener-policy', 'same-origin');
  response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  return response;
};

export const handle = sequence(securityHeaders, locale, formBodies, auth);

export const handleError: HandleServerError = ({ error, event, status }) => {
  const id = crypto.randomUUID();
  if (status !== 404) {
    log.error('Unhandled error', {
      id,
      status,
      method: event.request.method,
      path: event.url.pathname,
      error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
    });
  }
  const unavailable = error instanceof ApiError && error.status >= 500;
  return { message: status === 404 ? 'not_found' : unavailable ? 'unavailable' : 'unexpected', id };
};
