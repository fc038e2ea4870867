import { requireUser } from '$lib/server/guards';
import { streamOn } from '$lib/server/stream';
import type { RequestHandler } from './$types';

/** The signed agreement as the parties signed it (PDF). */
export const GET: RequestHandler = (event) => {
  requireUser(event);
  return streamOn(() => event.locals.api.plan.document(event.params.id));
};
