import { isLocale } from '@exchange/shared';
import { currentLocale } from '$lib/i18n';
import { requireUser } from '$lib/server/guards';
import { streamOn } from '$lib/server/stream';
import type { RequestHandler } from './$types';

/** The plan as a report (pdf), in `?lang=` or the page's language. */
export const GET: RequestHandler = (event) => {
  requireUser(event);
  const lang = event.url.searchParams.get('lang');
  return streamOn(() => event.locals.api.plan.report(event.params.id, 'pdf', isLocale(lang) ? lang : currentLocale()));
};
