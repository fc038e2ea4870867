import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guards';
import { passOn } from '$lib/server/files';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
  requireRole(event, ['coordinator', 'admin']);
  const format = event.url.searchParams.get('format');
  if (format !== 'csv' && format !== 'xlsx') error(404, { message: 'not_found' });
  return passOn(() => event.locals.api.events.exportFile(event.params.id, format, event.locals.locale));
};
