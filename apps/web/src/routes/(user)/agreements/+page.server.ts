import { pageError, requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  try {
    return { agreements: await event.locals.api.agreements({ limit: 100 }) };
  } catch (cause) {
    pageError(cause, event);
  }
};
