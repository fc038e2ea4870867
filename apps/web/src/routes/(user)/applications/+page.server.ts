import { redirect } from '@sveltejs/kit';
import { institutionsOf, zoneOf } from '$lib/server/exchange';
import { pageError, requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  if (user.role !== 'student') redirect(303, '/calls');
  const api = event.locals.api.exchange;
  try {
    // One request: each application comes with when it took its status and the note of that change.
    const [list, institutions] = await Promise.all([api.applications({ limit: 100 }), institutionsOf(event.locals.api)]);
    return { applications: list.items, zone: zoneOf(institutions, user.institutionId) };
  } catch (cause) {
    pageError(cause, event);
  }
};
