import { requireUser } from '$lib/server/guards';
import { streamOn } from '$lib/server/stream';
import type { RequestHandler } from './$types';

/** A document of an application, streamed from the API; `?inline=1` shows it in the page. */
export const GET: RequestHandler = (event) => {
  requireUser(event);
  return streamOn(() => event.locals.api.exchange.document(event.params.id, event.params.docId), {
    inline: event.url.searchParams.get('inline') === '1',
  });
};
