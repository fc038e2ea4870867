import { fail } from '@sveltejs/kit';
import { ApiError } from '$lib/server/api';
import { pageError, requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const pageSize = 20;

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const raw = Number(event.url.searchParams.get('offset') ?? 0);
  const offset = Number.isInteger(raw) && raw > 0 ? raw : 0;
  try {
    const [notifications, institutions, account] = await Promise.all([
      event.locals.api.exchange.notifications({ limit: pageSize, offset }),
      event.locals.api.institutions().then((answer) => answer.items),
      event.locals.api.account(),
    ]);
    const zone = institutions.find((item) => item.id === user.institutionId)?.timeZone ?? 'UTC';
    // The user's own page, so the consent they gave at registration is shown here.
    return { notifications, zone, consent: account.consent };
  } catch (cause) {
    pageError(cause, event);
  }
};

export const actions: Actions = {
  read: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const ids = form
      .getAll('id')
      .map(String)
      .filter((id) => /^[0-9a-f-]{36}$/i.test(id))
      .slice(0, 100);
    try {
      for (const id of ids) await event.locals.api.exchange.readNotification(id);
      return { read: ids.length };
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      return fail(cause.status >= 500 ? 503 : cause.status, { problem: cause.status >= 500 ? 'unavailable' : cause.code });
    }
  },
};
