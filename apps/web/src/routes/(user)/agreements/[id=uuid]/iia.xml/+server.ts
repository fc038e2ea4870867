import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guards';
import { streamOn } from '$lib/server/stream';
import type { RequestHandler } from './$types';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The EWP IIA v7 of one bilateral pair (`?partners=A,B`, institution ids) of the agreement, as XML. */
export const GET: RequestHandler = (event) => {
  requireRole(event, ['coordinator', 'reviewer', 'admin']);
  const partners = (event.url.searchParams.get('partners') ?? '').split(',');
  if (partners.length !== 2 || !partners.every((partner) => uuid.test(partner))) error(404, { message: 'not_found' });
  return streamOn(() => event.locals.api.ewp.iiaXml(event.params.id, partners as [string, string]));
};
