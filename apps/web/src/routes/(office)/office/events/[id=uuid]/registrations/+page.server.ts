import { canManageCentreEvents, type Institution } from '@exchange/shared';
import { error, fail } from '@sveltejs/kit';
import { ApiError } from '$lib/server/api';
import { pageError, requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const pageSize = 50;
const statuses = ['confirmed', 'waitlisted', 'cancelled'] as const;

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['coordinator', 'admin']);
  const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const statusParam = event.url.searchParams.get('status');
  const status = statuses.find((item) => item === statusParam);
  const rawOffset = Number(event.url.searchParams.get('offset') ?? 0);
  const offset = Number.isInteger(rawOffset) && rawOffset >= 0 ? rawOffset : 0;
  try {
    const [item, registrations, institutions] = await Promise.all([
      event.locals.api.events.get(event.params.id),
      event.locals.api.events.registrants(event.params.id, { q: q || undefined, status, limit: pageSize, offset }),
      event.locals.api.institutions().then((answer) => answer.items as Institution[]),
    ]);
    if (!canManageCentreEvents(user, item.institutionId)) error(404, { message: 'not_found' });
    return { event: item, registrations, institutions, q, status: status ?? '' };
  } catch (cause) {
    pageError(cause, event);
  }
};

export const actions: Actions = {
  checkIn: async (event) => {
    requireRole(event, ['coordinator', 'admin']);
    const form = await event.request.formData();
    const id = String(form.get('registrationId') ?? '');
    if (!/^[0-9a-f-]{36}$/i.test(id)) return fail(400, { problem: 'validation_failed', checkedIn: null });
    try {
      const answer = await event.locals.api.events.checkIn(event.params.id, id);
      return { problem: null, checkedIn: { name: answer.fullName, already: answer.alreadyCheckedIn } };
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      if (cause.status === 404) error(404, { message: 'not_found' });
      return fail(cause.status >= 500 ? 503 : cause.status, { problem: cause.status >= 500 ? 'unavailable' : cause.code, checkedIn: null });
    }
  },
};
