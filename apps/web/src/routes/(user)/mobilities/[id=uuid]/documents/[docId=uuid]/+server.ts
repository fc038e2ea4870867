import { requireUser } from '$lib/server/guards';
import { streamOn } from '$lib/server/stream';
import type { RequestHandler } from './$types';

/** A checklist step's proof, as the API lets this user see it. */
export const GET: RequestHandler = (event) => {
  requireUser(event);
  return streamOn(() => event.locals.api.mobilities.mobilityDocument(event.params.id, event.params.docId), {
    inline: event.url.searchParams.get('inline') === '1',
  });
};
