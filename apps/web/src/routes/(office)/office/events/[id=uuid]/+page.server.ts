import { canManageCentreEvents, type Institution } from '@exchange/shared';
import { error, fail } from '@sveltejs/kit';
import { eventProblemMessage } from '$lib/event-problems';
import { ApiError, fieldErrorsByName } from '$lib/server/api';
import { pageError, requireRole } from '$lib/server/guards';
import { errorsFromApi, readForm, toBody, valuesOf } from '../event-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['coordinator', 'admin']);
  try {
    const [item, institutions] = await Promise.all([
      event.locals.api.events.get(event.params.id),
      event.locals.api.institutions().then((answer) => answer.items as Institution[]),
    ]);
    if (!canManageCentreEvents(user, item.institutionId)) error(404, { message: 'not_found' });
    return { event: item, institutions, values: valuesOf(item), created: event.url.searchParams.has('created') };
  } catch (cause) {
    pageError(cause, event);
  }
};

function failure(cause: unknown, values?: ReturnType<typeof readForm>) {
  if (!(cause instanceof ApiError)) throw cause;
  if (cause.status === 404) error(404, { message: 'not_found' });
  if (values && (cause.status === 400 || cause.status === 422 || cause.code === 'capacity_below_confirmed')) {
    return fail(cause.status, {
      values,
      errors: errorsFromApi(fieldErrorsByName(cause)),
      problem: cause.code,
      problemText: eventProblemMessage(cause.code),
      done: null,
    });
  }
  const problem = cause.status >= 500 ? 'unavailable' : cause.code;
  return fail(cause.status >= 500 ? 503 : cause.status, {
    values: values ?? null,
    errors: {},
    problem,
    problemText: eventProblemMessage(problem),
    done: null,
  });
}

export const actions: Actions = {
  save: async (event) => {
    requireRole(event, ['coordinator', 'admin']);
    const values = readForm(await event.request.formData());
    // The centre does not change; validation needs one, so the form keeps it.
    const parsed = toBody(values);
    if (!parsed.body)
      return fail(400, {
        values,
        errors: parsed.errors,
        problem: 'validation_failed',
        problemText: eventProblemMessage('validation_failed'),
        done: null,
      });
    const { centreId: _centre, ...body } = parsed.body;
    try {
      await event.locals.api.events.update(event.params.id, body);
      return { values: null, errors: {}, problem: null, problemText: null, done: 'saved' as const };
    } catch (cause) {
      return failure(cause, values);
    }
  },
  publish: async (event) => {
    requireRole(event, ['coordinator', 'admin']);
    try {
      await event.locals.api.events.publish(event.params.id);
      return { values: null, errors: {}, problem: null, problemText: null, done: 'published' as const };
    } catch (cause) {
      return failure(cause);
    }
  },
  cancel: async (event) => {
    requireRole(event, ['coordinator', 'admin']);
    const form = await event.request.formData();
    if (form.get('confirm') !== 'yes') return fail(400, { values: null, errors: {}, problem: 'confirm_cancel', problemText: '', done: null });
    try {
      await event.locals.api.events.cancel(event.params.id);
      return { values: null, errors: {}, problem: null, problemText: null, done: 'cancelled' as const };
    } catch (cause) {
      return failure(cause);
    }
  },
};
