/**
 * iCalendar (RFC 5545) feeds of events, written by ical-generator. Times are written as the
 * venue's wall-clock time with that zone's VTIMEZONE, generated from the IANA zone database
 * by timezones-ical-library, so a change of a zone's rules reaches the feed with a dependency
 * update; UTC and a zone the library lacks are written in UTC, which every client reads correctly.
 */
import { inZone, localize, type Locale, type LocalizedText } from '@exchange/shared';
import ical, { escape, ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';

export type IcsEvent = {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venue: LocalizedText | null;
  onlineUrl: string | null;
  status: 'draft' | 'published' | 'cancelled';
  createdAt: Date;
  updatedAt: Date;
  /** A registrant's own feed marks waiting-list places as tentative. */
  tentative?: boolean;
  url?: string;
};

export const icsDomain = 'exchange.penza-baoji';

const knownZones = new Set(tzlib_get_timezones(false));

/** The zone's VTIMEZONE, or null when the library does not know it (or knows it by another name). */
function vtimezone(zone: string): string | null {
  if (zone === 'UTC' || !knownZones.has(zone)) return null;
  const [block, tzid] = tzlib_get_ical_block(zone, false);
  return block && tzid === `TZID=${zone}` ? block : null;
}

function status(event: IcsEvent): ICalEventStatus {
  if (event.status === 'cancelled') return ICalEventStatus.CANCELLED;
  return event.tentative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED;
}

/** A whole calendar of `events`, texts in `locale` (falling back to another language). */
export function buildCalendar(options: { name: string; locale: Locale; events: IcsEvent[] }): string {
  const calendar = ical({
    prodId: { company: 'Penza-Baoji exchange', product: 'Cultural centres', language: options.locale },
    scale: 'GREGORIAN',
    method: ICalCalendarMethod.PUBLISH,
    // The library writes the calendar's name as given.
    name: escape(options.name, false),
    // No zone for the calendar as a whole: only the VTIMEZONE of each event's zone.
    timezone: { name: null, generator: vtimezone },
  });
  for (const event of options.events) {
    const title = localize(event.title, options.locale).text;
    const description = localize(event.description, options.locale).text;
    const venue = event.venue ? localize(event.venue, options.locale).text : '';
    const details = [description, event.onlineUrl ?? '', event.url ?? ''].filter(Boolean).join('\n\n');
    const zoned = vtimezone(event.timeZone) !== null;
    calendar.createEvent({
      id: `${event.id}@${icsDomain}`,
      // Grows with every change, so calendar clients replace their copy.
      sequence: Math.max(0, Math.floor((event.updatedAt.getTime() - event.createdAt.getTime()) / 1000)),
      stamp: event.updatedAt,
      created: event.createdAt,
      lastModified: event.updatedAt,
      start: zoned ? inZone(event.startsAt, event.timeZone) : event.startsAt,
      end: zoned ? inZone(event.endsAt, event.timeZone) : event.endsAt,
      timezone: zoned ? event.timeZone : null,
      summary: event.status === 'cancelled' ? `✕ ${title}` : title,
      description: details || null,
      location: venue || event.onlineUrl || null,
      url: event.url ?? null,
      status: status(event),
      transparency: ICalEventTransparency.OPAQUE,
    });
  }
  return `${calendar.toString()}\r\n`;
}
