import type { Institution } from '@exchange/shared';
import { zonedLocalToInstant } from '@exchange/shared';
import { pageError, requireRole } from '$lib/server/guards';
import { managedCentres } from '../managed';
import type { PageServerLoad } from './$types';

export type Term = { key: string; year: number; half: 'spring' | 'autumn' };

/** Spring term: 1 February to 1 September; autumn term: 1 September to 1 February. */
function termRange(term: Term, zone: string) {
  const [from, to] =
    term.half === 'spring' ? [`${term.year}-02-01T00:00`, `${term.year}-09-01T00:00`] : [`${term.year}-09-01T00:00`, `${term.year + 1}-02-01T00:00`];
  return { from: zonedLocalToInstant(from, zone).toISOString(), to: zonedLocalToInstant(to, zone).toISOString() };
}

function currentTerm(now: Date): Term {
  const month = now.getUTCMonth() + 1;
  const year = now.getUTCFullYear();
  if (month >= 9) return { key: `${year}-autumn`, year, half: 'autumn' };
  if (month === 1) return { key: `${year - 1}-autumn`, year: year - 1, half: 'autumn' };
  return { key: `${year}-spring`, year, half: 'spring' };
}

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['coordinator', 'admin']);
  const now = currentTerm(new Date());
  const terms: Term[] = [];
  for (let year = now.year + 1; year >= now.year - 2; year--) {
    terms.push({ key: `${year}-autumn`, year, half: 'autumn' }, { key: `${year}-spring`, year, half: 'spring' });
  }
  const term = terms.find((item) => item.key === event.url.searchParams.get('term')) ?? terms.find((item) => item.key === now.key)!;
  try {
    const [centres, institutions] = await Promise.all([
      event.locals.api.events.centres().then((answer) => managedCentres(answer.items, user)),
      event.locals.api.institutions().then((answer) => answer.items as Institution[]),
    ]);
    const centre = centres.find((item) => item.id === event.url.searchParams.get('centre')) ?? centres[0] ?? null;
    if (!centre) return { centres, centre: null, terms, term, attendance: null };
    const zone = institutions.find((item) => item.id === centre.institutionId)?.timeZone ?? 'UTC';
    const range = termRange(term, zone);
    const attendance = await event.locals.api.events.attendance(centre.id, range.from, range.to);
    return { centres, centre, terms, term, attendance };
  } catch (cause) {
    pageError(cause, event);
  }
};
