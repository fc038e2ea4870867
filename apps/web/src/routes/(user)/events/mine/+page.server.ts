import { fail } from '@sveltejs/kit';
import { ApiError } from '$lib/server/api';
import { pageError, requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  try {
    const [registrations, institutions] = await Promise.all([
      event.locals.api.events.myRegistrations(),
      event.locals.api.institutions().then((answer) => answer.items),
    ]);
    const ownZone = institutions.find((item) => item.id === event.locals.user?.institutionId)?.timeZone ?? null;
    return { registrations: registrations.map((item) => ({ ...item, checkInCode: undefined })), ownZone };
  } catch (cause) {
    pageError(cause, event);
  }
};

export const actions: Actions = {
  feed: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    try {
      const feed = await event.locals.api.events.calendarFeed(form.get('rotate') === 'yes');
      return { feedUrl: `${event.url.origin}${feed.path}`, rotated: form.get('rotate') === 'yes', problem: null };
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      return fail(503, { feedUrl: null, rotated: false, problem: 'unavailable' });
    }
  },
};
