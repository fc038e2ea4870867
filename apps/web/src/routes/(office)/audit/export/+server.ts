import type { Institution } from '@exchange/shared';
import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guards';
import { streamOn } from '$lib/server/stream';
import { auditQuery } from '../audit-filters';
import type { RequestHandler } from './$types';

/** The filtered audit entries as CSV or XLSX, in the page's language. */
export const GET: RequestHandler = async (event) => {
  const user = requireRole(event, ['coordinator', 'admin']);
  const format = event.url.searchParams.get('format');
  if (format !== 'csv' && format !== 'xlsx') error(404, { message: 'not_found' });
  const institutions = (await event.locals.api.institutions()).items as Institution[];
  const { api } = auditQuery(event.url, user, institutions);
  return streamOn(() => event.locals.api.people.exportAudit(format, { ...api, lang: event.locals.locale }));
};
