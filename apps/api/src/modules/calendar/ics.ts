/**
 * iCalendar (RFC 5545) feeds of events. Times are written in the venue's zone with a
 * VTIMEZONE for the agreement's two zones (neither has daylight saving time since 2014 and
 * 1991); other zones are written in UTC, which every client reads correctly.
 */
import { dateTimeFormat, localize, type Locale, type LocalizedText } from '@exchange/shared';

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

/** Zones with a fixed offset that this feed describes with a VTIMEZONE. */
const knownZones: Record<string, { offset: string; name: string }> = {
  'Europe/Moscow': { offset: '+0300', name: 'MSK' },
  'Asia/Shanghai': { offset: '+0800', name: 'CST' },
};

export const icsDomain = 'exchange.penza-baoji';

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const pad = (value: number) => String(value).padStart(2, '0');

function utcStamp(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

function localStamp(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    dateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}${parts.month}${parts.day}T${parts.hour}${parts.minute}${parts.second}`;
}

function dateProperty(name: string, date: Date, timeZone: string): string {
  return knownZones[timeZone] ? `${name};TZID=${timeZone}:${localStamp(date, timeZone)}` : `${name}:${utcStamp(date)}`;
}

function vtimezone(zone: string): string[] {
  const { offset, name } = knownZones[zone]!;
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    `TZNAME:${name}`,
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
}

/** A whole calendar of `events`, texts in `locale` (falling back to another language). */
export function buildCalendar(options: { name: string; locale: Locale; events: IcsEvent[]; now?: Date }): string {
  const zones = [...new Set(options.events.map((event) => event.timeZone).filter((zone) => knownZones[zone]))].sort();
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Penza-Baoji exchange//Cultural centres//${options.locale.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    ...zones.flatMap(vtimezone),
  ];
  for (const event of options.events) {
    const title = localize(event.title, options.locale);
    const description = localize(event.description, options.locale).text;
    const venue = event.venue ? localize(event.venue, options.locale).text : '';
    const details = [description, event.onlineUrl ?? '', event.url ?? ''].filter(Boolean).join('\n\n');
    const cancelled = event.status === 'cancelled';
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.id}@${icsDomain}`,
      `DTSTAMP:${utcStamp(event.updatedAt)}`,
      `CREATED:${utcStamp(event.createdAt)}`,
      `LAST-MODIFIED:${utcStamp(event.updatedAt)}`,
      // Grows with every change, so calendar clients replace their copy.
      `SEQUENCE:${Math.max(0, Math.floor((event.updatedAt.getTime() - event.createdAt.getTime()) / 1000))}`,
      dateProperty('DTSTART', event.startsAt, event.timeZone),
      dateProperty('DTEND', event.endsAt, event.timeZone),
      `SUMMARY;LANGUAGE=${title.locale}:${escapeText(cancelled ? `✕ ${title.text}` : title.text)}`,
      ...(details ? [`DESCRIPTION:${escapeText(details)}`] : []),
      ...(venue || event.onlineUrl ? [`LOCATION:${escapeText(venue || event.onlineUrl || '')}`] : []),
      ...(event.url ? [`URL:${event.url}`] : []),
      `STATUS:${cancelled ? 'CANCELLED' : event.tentative ? 'TENTATIVE' : 'CONFIRMED'}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
