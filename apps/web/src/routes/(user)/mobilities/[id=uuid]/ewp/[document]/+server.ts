import { error } from '@sveltejs/kit';
import { mobilityEwpDocuments, type MobilityEwpDocument } from '$lib/server/client/ewp';
import { requireRole } from '$lib/server/guards';
import { streamOn } from '$lib/server/stream';
import type { RequestHandler } from './$types';

/** A mobility's EWP document (`omobility.xml`, `learning-agreement.xml`, `tor.xml`), for the two offices and the administrator. */
export const GET: RequestHandler = (event) => {
  requireRole(event, ['coordinator', 'reviewer', 'admin']);
  const document = event.params.document;
  if (!(mobilityEwpDocuments as readonly string[]).includes(document)) error(404, { message: 'not_found' });
  return streamOn(() => event.locals.api.ewp.mobilityXml(event.params.id, document as MobilityEwpDocument));
};
