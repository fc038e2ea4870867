import { fail, redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/redirect';
import { ApiError } from '$lib/server/api';
import { localeCookie, localeCookieOptions, sessionCookie, sessionCookieOptions } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
  // Password sign-in works without them: a provider list that does not load shows no buttons.
  const providers = await locals.api.ownAccount.signInProviders().catch(() => []);
  return { providers, resetDone: url.searchParams.get('reset') === 'done' };
};

export const actions: Actions = {
  default: async ({ request, locals, cookies, url }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');

    const errors: Record<string, string> = {};
    if (!email) errors.email = 'required';
    if (!password) errors.password = 'required';
    if (Object.keys(errors).length > 0) return fail(400, { email, errors, problem: null });

    try {
      const session = await locals.api.login({ email, password });
      cookies.set(sessionCookie, session.token, sessionCookieOptions(url));
      // A first visit without a chosen language continues in the language of the profile.
      if (!cookies.get(localeCookie)) cookies.set(localeCookie, session.user.locale, localeCookieOptions(url));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 400 || error.status === 422) {
        return fail(400, { email, errors: { email: 'email_invalid' }, problem: null });
      }
      const known = ['invalid_credentials', 'account_pending', 'account_disabled', 'rate_limited'];
      const problem = known.includes(error.code)
        ? error.code
        : error.status === 401
          ? 'invalid_credentials'
          : error.status === 429
            ? 'rate_limited'
            : error.status >= 500
              ? 'unavailable'
              : 'unexpected';
      return fail(error.status >= 500 ? 503 : error.status, { email, errors: {}, problem });
    }
    redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
  },
};
