import { redirect } from '@sveltejs/kit';
import { ApiError } from '$lib/server/api';
import { takeState } from '$lib/server/oidc-state';
import { localeCookie, localeCookieOptions, sessionCookie, sessionCookieOptions } from '$lib/server/session';
import type { PageServerLoad } from './$types';

/** Why a sign-in failed, as the page explains it. */
type Failure = 'refused' | 'no_account' | 'email_unverified' | 'account_pending' | 'account_disabled' | 'unavailable';

const failureOf = (cause: ApiError): Failure => {
  if (cause.code === 'no_matching_account') return 'no_account';
  if (cause.code === 'email_not_verified') return 'email_unverified';
  if (cause.code === 'account_pending' || cause.code === 'account_disabled') return cause.code;
  return cause.status >= 500 ? 'unavailable' : 'refused';
};

/** The provider sends the browser back here; the API redeems what it brought, for this browser only. */
export const load: PageServerLoad = async ({ url, cookies, locals, setHeaders }) => {
  setHeaders({ 'cache-control': 'no-store' });
  const bound = takeState(cookies, url, url.searchParams.get('state'));
  if (!bound) return { failure: 'refused' as Failure };
  let locale: string;
  try {
    const session = await locals.api.ownAccount.finishOidc(url.search);
    cookies.set(sessionCookie, session.token, sessionCookieOptions(url));
    locale = session.user.locale;
  } catch (cause) {
    if (!(cause instanceof ApiError)) throw cause;
    return { failure: failureOf(cause) };
  }
  if (!cookies.get(localeCookie)) cookies.set(localeCookie, locale, localeCookieOptions(url));
  redirect(303, bound.redirectTo);
};
