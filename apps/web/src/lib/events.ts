/**
 * Showing events: times in the venue's zone and the viewer's, labels of statuses and the
 * events' problem codes. Components call these; the texts are in the catalogs.
 */
import { formatInstant, timeZoneName } from '@exchange/shared';
import { m } from '@exchange/texts/messages';
import { currentLocale } from '$lib/i18n';

export const agreementZones = ['Europe/Moscow', 'Asia/Shanghai'] as const;

/** A zone as people name it: "Moscow time", "пекинское время", "北京时间" (the helper the exports and e-mails use too). */
export const zoneLabel = (zone: string) => timeZoneName(zone, currentLocale());

/**
 * The zone to show next to the venue's: the viewer's own (their institution's), or for a
 * visitor the agreement's other zone.
 */
export function viewerZone(venueZone: string, ownZone: string | null | undefined): string {
  if (ownZone) return ownZone;
  return venueZone === 'Asia/Shanghai' ? 'Europe/Moscow' : 'Asia/Shanghai';
}

const dayFormat: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' };
const timeFormat: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

const dayKey = (instant: string, zone: string) => formatInstant(instant, 'en', zone, { year: 'numeric', month: '2-digit', day: '2-digit' });

export type ZonedTime = { zone: string; label: string; day: string; start: string; end: string; sameDayAsVenue: boolean };

/** Start and end in one zone, with the day when it differs from the venue's day. */
function inZone(startsAt: string, endsAt: string, zone: string, venueZone: string): ZonedTime {
  const locale = currentLocale();
  return {
    zone,
    label: zoneLabel(zone),
    day: formatInstant(startsAt, locale, zone, dayFormat),
    start: formatInstant(startsAt, locale, zone, timeFormat),
    end: formatInstant(endsAt, locale, zone, timeFormat),
    sameDayAsVenue: dayKey(startsAt, zone) === dayKey(startsAt, venueZone),
  };
}

/** The event's times at the venue, and in the other zone when it differs. */
export function eventTimes(event: { startsAt: string; endsAt: string; timeZone: string }, ownZone?: string | null) {
  const venue = inZone(event.startsAt, event.endsAt, event.timeZone, event.timeZone);
  const otherZone = viewerZone(event.timeZone, ownZone);
  const other = otherZone === event.timeZone ? null : inZone(event.startsAt, event.endsAt, otherZone, event.timeZone);
  // Zones with the same clock (Shanghai and another UTC+8 zone) need no second line.
  const same = other && other.start === venue.start && other.sameDayAsVenue;
  return { venue, other: same ? null : other };
}

/** "19:00 Shanghai · 14:00 Moscow" */
export function timesLine(event: { startsAt: string; endsAt: string; timeZone: string }, ownZone?: string | null): string {
  const { venue, other } = eventTimes(event, ownZone);
  const first = m.event_time_in_zone({ time: venue.start, zone: venue.label });
  if (!other) return first;
  const second = m.event_time_in_zone({ time: other.sameDayAsVenue ? other.start : `${other.day}, ${other.start}`, zone: other.label });
  return `${first} · ${second}`;
}
