import { instantToZonedLocal, zonedLocalToInstant, type Centre, type Event, type Institution, type Locale, type Page } from '@exchange/shared';
import { isLocale } from '@exchange/shared';
import { pageError } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

const pageSize = 20;
const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The month shown by the calendar view, `YYYY-MM`, this month by default. */
function monthOf(value: string | null, zone: string): string {
  if (value && monthPattern.test(value)) return value;
  return instantToZonedLocal(new Date(), zone).slice(0, 7);
}

function shiftMonth(month: string, by: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, mon - 1 + by, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

export const load: PageServerLoad = async (event) => {
  const { url, locals } = event;
  const view = url.searchParams.get('view') === 'month' ? 'month' : 'list';
  const centreParam = url.searchParams.get('centre') ?? '';
  const centreId = uuidPattern.test(centreParam) ? centreParam : undefined;
  const langParam = url.searchParams.get('lang');
  const lang: Locale | undefined = isLocale(langParam) ? langParam : undefined;
  const rawOffset = Number(url.searchParams.get('offset') ?? 0);
  const offset = Number.isInteger(rawOffset) && rawOffset >= 0 ? rawOffset : 0;

  try {
    const [centres, institutions] = await Promise.all([
      locals.api.events.centres().then((answer) => answer.items),
      locals.api.institutions().then((answer) => answer.items),
    ]);
    const ownZone = institutions.find((item) => item.id === locals.user?.institutionId)?.timeZone ?? null;
    const calendarZone = ownZone ?? 'Europe/Moscow';
    const month = monthOf(url.searchParams.get('month'), calendarZone);
    let events: Page<Event>;
    if (view === 'month') {
      const from = zonedLocalToInstant(`${month}-01T00:00`, calendarZone).toISOString();
      const to = zonedLocalToInstant(`${shiftMonth(month, 1)}-01T00:00`, calendarZone).toISOString();
      events = await locals.api.events.list({ centreId, lang, from, to, limit: 100, status: 'published' });
    } else {
      events = await locals.api.events.list({ centreId, lang, limit: pageSize, offset, status: 'published' });
    }
    return {
      view,
      centreId: centreId ?? '',
      lang: lang ?? '',
      month,
      previousMonth: shiftMonth(month, -1),
      nextMonth: shiftMonth(month, 1),
      calendarZone,
      ownZone,
      events,
      centres: centres as Centre[],
      institutions: institutions as Institution[],
    };
  } catch (cause) {
    pageError(cause, event);
  }
};
