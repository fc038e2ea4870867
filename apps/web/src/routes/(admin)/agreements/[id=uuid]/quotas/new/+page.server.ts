import { academicYearOf } from '@exchange/shared';
import { error, fail, redirect } from '@sveltejs/kit';
import { ApiError, fieldErrorsByName } from '$lib/server/api';
import { pageError, requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';
import { parseQuotaCreate, quotaErrorsFromApi, quotaFormValues } from '../quota-form';

export const load: PageServerLoad = async (event) => {
  requireRole(event, ['admin']);
  try {
    const agreement = await event.locals.api.agreement(event.params.id);
    const [start] = academicYearOf(new Date()).split('/').map(Number);
    const next = `${(start ?? 2025) + 1}/${(start ?? 2025) + 2}`;
    return {
      agreement,
      values: {
        ...quotaFormValues(null),
        sendingInstitutionId: '',
        receivingInstitutionId: '',
        academicYear: next,
        mobilityType: 'semester',
      },
    };
  } catch (cause) {
    pageError(cause, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireRole(event, ['admin']);
    const { request, locals, params } = event;
    let partyIds: string[];
    try {
      partyIds = (await locals.api.agreement(params.id)).parties.map((party) => party.id);
    } catch (cause) {
      pageError(cause, event);
    }
    const { values, errors, body } = parseQuotaCreate(await request.formData(), params.id, partyIds);
    if (!body) return fail(400, { values, errors, problem: null });
    let createdId: string;
    try {
      createdId = (await locals.api.createQuota(body)).id;
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      if (cause.status === 400 || cause.status === 422) {
        return fail(400, { values, errors: quotaErrorsFromApi(fieldErrorsByName(cause)), problem: 'validation_failed' });
      }
      if (cause.status === 409)
        return fail(409, {
          values,
          errors: {},
          problem: cause.code === 'already_exists' || cause.code === 'conflict' ? 'quota_exists' : cause.code,
        });
      if (cause.status === 403) return fail(403, { values, errors: {}, problem: 'forbidden' });
      if (cause.status === 404) error(404, { message: 'not_found' });
      return fail(503, { values, errors: {}, problem: 'unavailable' });
    }
    redirect(303, `/agreements/${params.id}?academicYear=${encodeURIComponent(body.academicYear)}&created=${createdId}`);
  },
};
