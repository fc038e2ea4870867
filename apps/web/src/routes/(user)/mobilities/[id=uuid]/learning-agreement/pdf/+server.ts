import { isLocale } from '@exchange/shared';
import { requireUser } from '$lib/server/guards';
import { streamOn } from '$lib/server/stream';
import type { RequestHandler } from './$types';

/** The signed learning agreement in force as a PDF, in `?locale=` (ru, zh, en), else the page's language. */
export const GET: RequestHandler = (event) => {
  requireUser(event);
  const asked = event.url.searchParams.get('locale');
  const locale = isLocale(asked) ? asked : event.locals.locale;
  return streamOn(() => event.locals.api.learningAgreements.pdf(event.params.id, locale), { inline: event.url.searchParams.get('inline') === '1' });
};
