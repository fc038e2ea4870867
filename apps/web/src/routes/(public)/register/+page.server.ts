import { consentVersion } from '@exchange/shared';
import { fail, redirect } from '@sveltejs/kit';
import { ApiError } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';
import { registrationErrorsFromApi, validateRegistration, type FieldErrors } from './validate';

export const load: PageServerLoad = async ({ locals }) => {
  if (locals.user) redirect(303, '/');
  return { institutions: (await locals.api.institutions()).items };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const form = await request.formData();
    const values = {
      email: String(form.get('email') ?? '').trim(),
      fullName: String(form.get('fullName') ?? '').trim(),
      institutionId: String(form.get('institutionId') ?? ''),
      // The box carries the version of the text it showed.
      consent: form.get('consent') === consentVersion,
    };
    const password = String(form.get('password') ?? '');

    let institutionIds: string[] = [];
    try {
      institutionIds = (await locals.api.institutions()).items.map((institution) => institution.id);
    } catch {
      // The API checks the institution itself.
    }
    const errors = validateRegistration({ ...values, password }, institutionIds);
    if (Object.keys(errors).length > 0) return fail(400, { values, errors, problem: null });

    try {
      const { consent: _consent, ...fields } = values;
      await locals.api.register({ ...fields, password, locale: locals.locale, consent: { version: consentVersion } });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const fieldErrors: FieldErrors = registrationErrorsFromApi(error);
      if (Object.keys(fieldErrors).length > 0) return fail(error.status, { values, errors: fieldErrors, problem: null });
      const problem =
        error.status === 429
          ? 'rate_limited'
          : error.status >= 500
            ? 'unavailable'
            : error.status === 400 || error.status === 422
              ? 'validation_failed'
              : 'unexpected';
      return fail(error.status >= 500 ? 503 : error.status, { values, errors: {}, problem });
    }
    redirect(303, `/register/done?institution=${encodeURIComponent(values.institutionId)}`);
  },
};
