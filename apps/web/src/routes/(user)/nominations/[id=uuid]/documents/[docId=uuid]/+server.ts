import { requireRole } from '$lib/server/guards';
import { streamOn } from '$lib/server/stream';
import type { RequestHandler } from './$types';

/** A nominee's document as the partner may see it; `?inline=1` shows it in the page. */
export const GET: RequestHandler = (event) => {
  requireRole(event, ['coordinator', 'reviewer', 'admin']);
  return streamOn(() => event.locals.api.exchange.nominationDocument(event.params.id, event.params.docId), {
    inline: event.url.searchParams.get('inline') === '1',
  });
};
