import { requireUser } from '$lib/server/guards';
import { streamOn } from '$lib/server/stream';
import type { RequestHandler } from './$types';

/** A letter of the mobility (the admission letter and invitation) as the API renders it. */
export const GET: RequestHandler = (event) => {
  requireUser(event);
  return streamOn(() => event.locals.api.mobilities.letter(event.params.id, event.params.letterId), { inline: event.url.searchParams.get('inline') === '1' });
};
