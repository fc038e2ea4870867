import { redirect } from '@sveltejs/kit';
import { institutionsOf, zoneOf } from '$lib/server/exchange';
import { pageError, requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  if (user.role !== 'student') redirect(303, '/calls');
  const api = event.locals.api.exchange;
  try {
    const [list, institutions] = await Promise.all([api.applications({ limit: 100 }), institutionsOf(event.locals.api)]);
    // The list has no history; a student has a handful of applications, so each is read in full.
    const applications = await Promise.all(list.items.map((item) => api.application(item.id)));
    return { applications, zone: zoneOf(institutions, user.institutionId) };
  } catch (cause) {
    pageError(cause, event);
  }
};
