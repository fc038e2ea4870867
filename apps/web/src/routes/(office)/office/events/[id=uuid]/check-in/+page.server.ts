import { canManageCentreEvents } from '@exchange/shared';
import { error, fail } from '@sveltejs/kit';
import { ApiError } from '$lib/server/api';
import { pageError, requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

/** The door: a registrant's QR code opens this page with their secret; one tap records them. */
export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['coordinator', 'admin']);
  const code = (event.url.searchParams.get('code') ?? '').slice(0, 200);
  try {
    const item = await event.locals.api.events.get(event.params.id);
    if (!canManageCentreEvents(user, item.institutionId)) error(404, { message: 'not_found' });
    return { event: item, code };
  } catch (cause) {
    pageError(cause, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireRole(event, ['coordinator', 'admin']);
    const code = String((await event.request.formData()).get('code') ?? '')
      .trim()
      .slice(0, 200);
    if (!code) return fail(400, { problem: 'invalid_check_in_code', checkedIn: null });
    try {
      const answer = await event.locals.api.events.checkInByCode(event.params.id, code);
      return { problem: null, checkedIn: { name: answer.fullName, email: answer.email, already: answer.alreadyCheckedIn } };
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      if (cause.status === 404) error(404, { message: 'not_found' });
      return fail(cause.status >= 500 ? 503 : cause.status, { problem: cause.status >= 500 ? 'unavailable' : cause.code, checkedIn: null });
    }
  },
};
