import { pageError, requireRole } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event, ['coordinator', 'admin']);
  try {
    return { userImport: await event.locals.api.people.userImport(event.params.id) };
  } catch (cause) {
    pageError(cause, event);
  }
};
