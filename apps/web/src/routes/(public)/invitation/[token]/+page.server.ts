import { fail, redirect } from '@sveltejs/kit';
import { passwordErrorFromApi, readNewPassword } from '$lib/account/new-password';
import { ApiError } from '$lib/server/api';
import { localeCookie, localeCookieOptions, sessionCookie, sessionCookieOptions } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({});

export const actions: Actions = {
  default: async ({ request, locals, params, cookies, url }) => {
    const { password, errors } = readNewPassword(await request.formData());
    if (Object.keys(errors).length > 0) return fail(400, { errors, problem: null });
    try {
      const session = await locals.api.ownAccount.acceptInvitation(params.token, password);
      cookies.set(sessionCookie, session.token, sessionCookieOptions(url));
      // The account's language, chosen by the office that invited, unless the visitor chose one here.
      if (!cookies.get(localeCookie)) cookies.set(localeCookie, session.user.locale, localeCookieOptions(url));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === 'invalid_link') return fail(400, { errors: {}, problem: 'invalid_link' });
      const passwordError = passwordErrorFromApi(error);
      if (passwordError) return fail(400, { errors: passwordError, problem: null });
      const known = ['account_pending', 'rate_limited'];
      const problem = known.includes(error.code) ? error.code : error.status >= 500 ? 'unavailable' : 'unexpected';
      return fail(error.status >= 500 ? 503 : error.status, { errors: {}, problem });
    }
    redirect(303, '/');
  },
};
