/**
 * Conversions between an instant and the wall-clock time of an IANA zone, on the Temporal
 * polyfill (zone rules from the platform's zone database): the only place the system does
 * zone arithmetic, for forms, exports, e-mails and calendar files alike.
 */
import { Temporal } from '@js-temporal/polyfill';

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

/** The local date-time (`2026-03-31T23:59`) an instant shows in a time zone: for form fields. */
export function instantToZonedLocal(instant: string | Date, timeZone: string): string {
  return inZone(instant, timeZone).toPlainDateTime().toString({ smallestUnit: 'minute' });
}

/** The zone's offset from UTC at that instant, as people write it: `UTC+3`, `UTC+5:30`, `UTC-3`, `UTC`. */
export function utcOffset(instant: string | Date, timeZone: string): string {
  const minutes = Math.round(inZone(instant, timeZone).offsetNanoseconds / 60e9);
  if (minutes === 0) return 'UTC';
  const size = Math.abs(minutes);
  const rest = size % 60;
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(size / 60)}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}
