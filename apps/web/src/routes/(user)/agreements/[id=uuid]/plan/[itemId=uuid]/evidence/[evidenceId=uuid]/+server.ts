import { requireUser } from '$lib/server/guards';
import { streamOn } from '$lib/server/stream';
import type { RequestHandler } from './$types';

/** An evidence file of a measure: administrators and the parties' staff. */
export const GET: RequestHandler = (event) => {
  requireUser(event);
  return streamOn(() => event.locals.api.plan.evidence(event.params.id, event.params.itemId, event.params.evidenceId));
};
