/**
 * Conversions between an instant and the wall-clock time of an IANA zone, on a Temporal
 * polyfill (zone rules from the platform's zone database): the only place the system does
 * zone arithmetic, for forms, exports, e-mails and calendar files alike. `temporal-polyfill`
 * rather than `@js-temporal/polyfill`: a third of the size (19 KB against 47 KB gzipped,
 * should client code ever need it) and about four times faster per conversion, which an
 * export of thousands of rows notices.
 */
import { Temporal } from 'temporal-polyfill';

export type ZonedDateTime = Temporal.ZonedDateTime;

const localPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

/** The instant as the clocks of `timeZone` show it. */
export function inZone(instant: string | Date, timeZone: string): ZonedDateTime {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(timeZone);
}

/**
 * The instant at which clocks in `timeZone` show `local` (`2026-03-31T23:59`): how a deadline
 * typed as Penza time becomes 23:59 Moscow time whatever the typist's own zone. A time skipped
 * by a daylight-saving change counts as the moment after the gap, a repeated one as its first
 * occurrence (as RFC 5545 reads such times).
 */
export function zonedLocalToInstant(local: string, timeZone: string): Date {
  if (!localPattern.test(local)) throw new RangeError(`Not a local date-time: ${local}`);
  const zoned = Temporal.PlainDateTime.from(local).toZonedDateTime(timeZone, { disambiguation: 'compatible' });
  return new Date(zoned.epochMilliseconds);
}

/** The local date-time (`2026-03-31T23:59`) a zoned time shows. */
export function localDateTime(zoned: ZonedDateTime): string {
  // The instant shifted by the zone's offset, read as UTC: the polyfill's field getters cost
  // several times more, and an export formats thousands of times.
  return new Date(zoned.epochMilliseconds + zoned.offsetNanoseconds / 1e6).toISOString().slice(0, 16);
}

/** The local date-time (`2026-03-31T23:59`) an instant shows in a time zone: for form fields. */
export function instantToZonedLocal(instant: string | Date, timeZone: string): string {
  return localDateTime(inZone(instant, timeZone));
}

/** The zone's offset from UTC at that moment, as people write it: `UTC+3`, `UTC+5:30`, `UTC-3`, `UTC`. */
export function utcOffset(zoned: ZonedDateTime): string {
  const minutes = Math.round(zoned.offsetNanoseconds / 60e9);
  if (minutes === 0) return 'UTC';
  const size = Math.abs(minutes);
  const rest = size % 60;
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(size / 60)}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** The calendar date (`YYYY-MM-DD`) an instant falls on in a zone: "today" for a campus. */
export function localDateIn(instant: string | Date, timeZone: string): string {
  return inZone(instant, timeZone).toPlainDate().toString();
}
