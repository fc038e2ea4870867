import { error, fail, redirect } from '@sveltejs/kit';
import { ApiError, fieldErrorsByName } from '$lib/server/api';
import { pageError, requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';
import { parseQuotaFields, quotaErrorsFromApi, quotaFormValues } from '../quota-form';

async function findQuota(api: App.Locals['api'], agreementId: string, quotaId: string) {
  const [agreement, quotas] = await Promise.all([api.agreement(agreementId), api.quotas(agreementId)]);
  const quota = quotas.find((line) => line.id === quotaId);
  if (!quota) error(404, { message: 'not_found' });
  return { agreement, quota };
}

export const load: PageServerLoad = async (event) => {
  requireRole(event, ['admin']);
  try {
    const { agreement, quota } = await findQuota(event.locals.api, event.params.id, event.params.quotaId);
    return { agreement, quota, values: quotaFormValues(quota) };
  } catch (cause) {
    pageError(cause, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireRole(event, ['admin']);
    const { request, locals, params } = event;
    const { values, errors, body } = parseQuotaFields(await request.formData());
    if (Object.keys(errors).length > 0) return fail(400, { values, errors, problem: null });
    try {
      await locals.api.updateQuota(params.quotaId, body);
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      if (cause.code === 'seats_below_used') {
        return fail(409, { values, errors: { seats: 'seats_below_used' }, problem: 'seats_below_used' });
      }
      if (cause.status === 400 || cause.status === 422) {
        return fail(400, { values, errors: quotaErrorsFromApi(fieldErrorsByName(cause)), problem: 'validation_failed' });
      }
      if (cause.status === 403) return fail(403, { values, errors: {}, problem: 'forbidden' });
      if (cause.status === 404) error(404, { message: 'not_found' });
      return fail(503, { values, errors: {}, problem: 'unavailable' });
    }
    redirect(303, `/agreements/${params.id}?updated=${params.quotaId}`);
  },
};
