import { fail, redirect } from '@sveltejs/kit';
import { passwordErrorFromApi, readNewPassword } from '$lib/account/new-password';
import { ApiError } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

// Whether the link still works is known only when it is used: the API answers every failure alike.
export const load: PageServerLoad = () => ({});

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const { password, errors } = readNewPassword(await request.formData());
    if (Object.keys(errors).length > 0) return fail(400, { errors, problem: null });
    try {
      await locals.api.ownAccount.confirmPasswordReset(params.token, password);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === 'invalid_link') return fail(400, { errors: {}, problem: 'invalid_link' });
      const passwordError = passwordErrorFromApi(error);
      if (passwordError) return fail(400, { errors: passwordError, problem: null });
      const problem = error.status === 429 ? 'rate_limited' : error.status >= 500 ? 'unavailable' : 'unexpected';
      return fail(error.status >= 500 ? 503 : error.status, { errors: {}, problem });
    }
    redirect(303, '/login?reset=done');
  },
};
