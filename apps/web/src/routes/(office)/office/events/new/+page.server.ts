import type { Institution } from '@exchange/shared';
import { error, fail, redirect } from '@sveltejs/kit';
import { ApiError, fieldErrorsByName } from '$lib/server/api';
import { pageError, requireRole } from '$lib/server/guards';
import { emptyValues, errorsFromApi, readForm, toBody } from '../event-form';
import { managedCentres } from '../managed';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['coordinator', 'admin']);
  try {
    const [centres, institutions] = await Promise.all([
      event.locals.api.events.centres().then((answer) => managedCentres(answer.items, user)),
      event.locals.api.institutions().then((answer) => answer.items as Institution[]),
    ]);
    if (centres.length === 0) error(404, { message: 'not_found' });
    const centre = centres.find((item) => item.id === event.url.searchParams.get('centre')) ?? centres[0]!;
    const zone = institutions.find((item) => item.id === centre.institutionId)?.timeZone ?? 'Europe/Moscow';
    return { centres, institutions, values: emptyValues(centre.id, zone) };
  } catch (cause) {
    pageError(cause, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireRole(event, ['coordinator', 'admin']);
    const values = readForm(await event.request.formData());
    const parsed = toBody(values);
    if (!parsed.body) return fail(400, { values, errors: parsed.errors, problem: 'validation_failed' });
    let id: string;
    try {
      id = (await event.locals.api.events.create(parsed.body)).id;
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      if (cause.status === 400 || cause.status === 422) {
        return fail(400, {
          values,
          errors: errorsFromApi(fieldErrorsByName(cause)),
          problem: cause.code === 'centre_not_found' ? cause.code : 'validation_failed',
        });
      }
      return fail(cause.status >= 500 ? 503 : cause.status, {
        values,
        errors: {},
        problem: cause.status >= 500 ? 'unavailable' : cause.code,
      });
    }
    redirect(303, `/office/events/${id}?created=1`);
  },
};
