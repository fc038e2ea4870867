import { fail, redirect } from '@sveltejs/kit';
import { ApiError } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const load: PageServerLoad = ({ locals }) => {
  if (locals.user) redirect(303, '/account');
  return {};
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const email = String((await request.formData()).get('email') ?? '').trim();
    if (!email) return fail(400, { email, error: 'required', problem: null, sent: false });
    if (email.length > 254 || !emailShape.test(email)) return fail(400, { email, error: 'email_invalid', problem: null, sent: false });
    try {
      await locals.api.ownAccount.requestPasswordReset(email);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 400) return fail(400, { email, error: 'email_invalid', problem: null, sent: false });
      const problem = error.status === 429 ? 'rate_limited' : error.status >= 500 ? 'unavailable' : 'unexpected';
      return fail(error.status >= 500 ? 503 : error.status, { email, error: null, problem, sent: false });
    }
    // The same page whether or not the address has an account.
    return { email, error: null, problem: null, sent: true };
  },
};
