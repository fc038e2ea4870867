import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, type IcsEvent } from './ics.js';

const text = (en: string) => ({ en, ru: '', zh: '' });
const base = {
  description: text(''),
  venue: null,
  onlineUrl: null,
  status: 'published',
  createdAt: new Date('2026-04-01T00:00:00Z'),
  updatedAt: new Date('2026-04-01T00:00:00Z'),
} as const;
const event = (id: string, timeZone: string, startsAt: string, extra: Partial<IcsEvent> = {}): IcsEvent => ({
  ...base,
  id,
  title: text(`Event ${id}`),
  timeZone,
  startsAt: new Date(startsAt),
  endsAt: new Date(Date.parse(startsAt) + 7_200_000),
  ...extra,
});

/** Reads a feed as a calendar client does: its own VTIMEZONEs decide what the local times mean. */
function parse(feed: string) {
  const calendar = new ICAL.Component(ICAL.parse(feed));
  const zones = new Map(calendar.getAllSubcomponents('vtimezone').map((zone) => [String(zone.getFirstPropertyValue('tzid')), new ICAL.Timezone(zone)]));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const start = component.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = component.getFirstPropertyValue('dtend') as ICAL.Time;
    const tzid = component.getFirstProperty('dtstart')!.getParameter('tzid') as string | undefined;
    // The event's local time read in the feed's own VTIMEZONE, not in a zone the parser knows.
    const at = (time: ICAL.Time) => {
      if (tzid) time.zone = zones.get(tzid)!;
      return time.toJSDate();
    };
    return {
      uid: String(component.getFirstPropertyValue('uid')),
      tzid: tzid ?? null,
      start: at(start).toISOString(),
      end: at(end).toISOString(),
      status: String(component.getFirstPropertyValue('status')),
      summary: String(component.getFirstPropertyValue('summary')),
    };
  });
}

describe('iCalendar feeds', () => {
  it('writes the venue’s wall-clock time with a VTIMEZONE that gives back the same instant, daylight saving included', () => {
    const events = [
      event('moscow', 'Europe/Moscow', '2026-05-01T15:00:00Z'),
      event('shanghai', 'Asia/Shanghai', '2026-12-31T17:30:00Z'),
      event('berlin-summer', 'Europe/Berlin', '2026-07-01T10:00:00Z'),
      event('berlin-winter', 'Europe/Berlin', '2026-01-15T10:00:00Z'),
      // Hours around the spring change: 02:00 CET became 03:00 CEST.
      event('berlin-change', 'Europe/Berlin', '2026-03-29T00:30:00Z'),
      // Kazakhstan moved to UTC+5 in 2024: the zone's rules must be current ones.
      event('almaty', 'Asia/Almaty', '2026-06-01T05:00:00Z'),
    ];
    const feed = buildCalendar({ name: 'Test', locale: 'en', events });
    expect(feed).toContain('DTSTART;TZID=Europe/Moscow:20260501T180000\r\n');
    expect(feed).toContain('DTSTART;TZID=Asia/Shanghai:20270101T013000\r\n');
    expect(feed).toContain('DTSTART;TZID=Europe/Berlin:20260701T120000\r\n');
    expect(feed).toContain('DTSTART;TZID=Europe/Berlin:20260115T110000\r\n');
    expect(feed).toContain('DTSTART;TZID=Europe/Berlin:20260329T013000\r\n');
    expect(feed).toContain('DTEND;TZID=Europe/Berlin:20260329T043000\r\n');
    expect(feed).toContain('DTSTART;TZID=Asia/Almaty:20260601T100000\r\n');
    // One VTIMEZONE a zone.
    expect(feed.match(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin\r\n/g)).toHaveLength(1);
    const parsed = parse(feed);
    for (const written of events) {
      const read = parsed.find((entry) => entry.uid === `${written.id}@exchange.penza-baoji`)!;
      expect(read.tzid, written.id).toBe(written.timeZone);
      expect(read.start, written.id).toBe(written.startsAt.toISOString());
      expect(read.end, written.id).toBe(written.endsAt.toISOString());
    }
  });

  it('writes UTC and zones it cannot describe in UTC', () => {
    const feed = buildCalendar({ name: 'Test', locale: 'en', events: [event('utc', 'UTC', '2026-05-01T15:00:00Z')] });
    expect(feed).not.toContain('BEGIN:VTIMEZONE');
    expect(feed).toContain('DTSTART:20260501T150000Z\r\n');
    expect(parse(feed)[0]).toMatchObject({ tzid: null, start: '2026-05-01T15:00:00.000Z' });
  });

  it('marks cancelled events and waiting-list places, and escapes and folds texts', () => {
    const long = 'Чайная церемония; встреча, беседа и концерт — очень длинное название для проверки переноса строк';
    const feed = buildCalendar({
      name: 'Центр, ПГУ; Пенза',
      locale: 'ru',
      events: [
        event('cancelled', 'Europe/Moscow', '2026-05-01T15:00:00Z', { status: 'cancelled', title: { en: 'Tea', ru: long, zh: '' } }),
        event('waitlisted', 'Asia/Shanghai', '2026-05-01T15:00:00Z', {
          tentative: true,
          venue: text('Hall 1'),
          description: text('First line\nsecond line'),
        }),
        event('confirmed', 'Asia/Shanghai', '2026-05-01T15:00:00Z', {
          onlineUrl: 'https://meet.example/room',
          url: 'https://exchange.example/events/1',
        }),
      ],
    });
    expect(feed).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(feed).toMatch(/\r\nEND:VCALENDAR\r\n$/);
    expect(feed).toContain('PRODID:-//Penza-Baoji exchange//Cultural centres//RU\r\n');
    expect(feed).toContain('X-WR-CALNAME:Центр\\, ПГУ\\; Пенза\r\n');
    expect(feed.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(feed));
    const [cancelled, waitlisted, confirmed] = calendar.getAllSubcomponents('vevent');
    expect(cancelled!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled!.getFirstPropertyValue('summary')).toBe(`✕ ${long}`);
    expect(waitlisted!.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(waitlisted!.getFirstPropertyValue('location')).toBe('Hall 1');
    expect(waitlisted!.getFirstPropertyValue('description')).toBe('First line\nsecond line');
    expect(confirmed!.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(confirmed!.getFirstPropertyValue('location')).toBe('https://meet.example/room');
    expect(confirmed!.getFirstPropertyValue('url')).toBe('https://exchange.example/events/1');
    expect(confirmed!.getFirstPropertyValue('description')).toBe('https://meet.example/room\n\nhttps://exchange.example/events/1');
  });

  it('raises the sequence with every change, so clients replace their copy', () => {
    const created = new Date('2026-04-01T00:00:00Z');
    const feed = (updatedAt: Date) =>
      buildCalendar({
        name: 'Test',
        locale: 'en',
        events: [event('a', 'Europe/Moscow', '2026-05-01T15:00:00Z', { createdAt: created, updatedAt })],
      });
    expect(feed(created)).toContain('SEQUENCE:0\r\n');
    expect(feed(new Date('2026-04-01T00:01:00Z'))).toContain('SEQUENCE:60\r\n');
    expect(feed(new Date('2026-04-01T00:01:00Z'))).toContain('LAST-MODIFIED:20260401T000100Z\r\n');
  });
});
