import { error } from '@sveltejs/kit';
import { listParams } from '$lib/exchange/list-links';
import { requireRole } from '$lib/server/guards';
import { streamOn } from '$lib/server/stream';
import type { RequestHandler } from './$types';

/** The call's application list as CSV or XLSX, with the list's filters and order, in the page's language. */
export const GET: RequestHandler = (event) => {
  requireRole(event, ['coordinator', 'reviewer', 'admin']);
  const format = event.url.searchParams.get('format');
  if (format !== 'csv' && format !== 'xlsx') error(404, { message: 'not_found' });
  const params = listParams(event.url, ['status', 'quotaId', 'minScore', 'maxScore', 'q', 'sort', 'order']);
  return streamOn(() => event.locals.api.exchange.exportApplications(format, { ...params, callId: event.params.id, lang: event.locals.locale }));
};
