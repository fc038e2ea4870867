import { error } from '@sveltejs/kit';
import { listParams } from '$lib/exchange/list-links';
import { requireRole } from '$lib/server/guards';
import { streamOn } from '$lib/server/stream';
import type { RequestHandler } from './$types';

/** The nominee list as CSV or XLSX, with the list's filters, in the page's language. */
export const GET: RequestHandler = (event) => {
  requireRole(event, ['coordinator', 'reviewer', 'admin']);
  const format = event.url.searchParams.get('format');
  if (format !== 'csv' && format !== 'xlsx') error(404, { message: 'not_found' });
  return streamOn(() =>
    event.locals.api.exchange.exportNominations(format, {
      ...listParams(event.url, ['direction', 'academicYear', 'quotaId', 'status', 'q']),
      lang: event.locals.locale,
    }),
  );
};
