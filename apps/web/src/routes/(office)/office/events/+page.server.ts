import type { Event, Institution, Page } from '@exchange/shared';
import { pageError, requireRole } from '$lib/server/guards';
import { managedCentres } from './managed';
import type { PageServerLoad } from './$types';

const pageSize = 20;

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['coordinator', 'admin']);
  const past = event.url.searchParams.get('when') === 'past';
  const rawOffset = Number(event.url.searchParams.get('offset') ?? 0);
  const offset = Number.isInteger(rawOffset) && rawOffset >= 0 ? rawOffset : 0;
  try {
    const [centres, institutions] = await Promise.all([
      event.locals.api.events.centres().then((answer) => managedCentres(answer.items, user)),
      event.locals.api.institutions().then((answer) => answer.items as Institution[]),
    ]);
    const centreParam = event.url.searchParams.get('centre');
    const centre = centres.find((item) => item.id === centreParam) ?? centres[0] ?? null;
    let events: Page<Event> = { items: [], total: 0, limit: pageSize, offset: 0 };
    if (centre) {
      const now = new Date().toISOString();
      events = await event.locals.api.events.list({
        centreId: centre.id,
        status: 'any',
        limit: pageSize,
        offset,
        ...(past ? { from: '2000-01-01T00:00:00Z', to: now } : { from: now }),
      });
    }
    const ownZone = institutions.find((item) => item.id === user.institutionId)?.timeZone ?? null;
    return { centres, centre, events, past, ownZone };
  } catch (cause) {
    pageError(cause, event);
  }
};
