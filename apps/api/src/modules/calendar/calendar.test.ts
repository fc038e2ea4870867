import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventsFixture } from '../../test/fixtures/events.js';
import type { TestContext } from '../../test/helper.js';

const { f, student, createEvent, register, unregister } = eventsFixture();
let t: TestContext;
let psuCoordinator: string;
let centreOf: Record<string, string>;
beforeAll(() => {
  ({ t, psuCoordinator, centreOf } = f);
});

describe('calendars', () => {
  type ParsedEvent = { uid: string; summary: string; start: Date; end: Date; zone: string; status: string };
  function parse(text: string): ParsedEvent[] {
    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    return calendar.getAllSubcomponents('vevent').map((component) => {
      const vevent = new ICAL.Event(component);
      return {
        uid: vevent.uid,
        summary: vevent.summary,
        start: vevent.startDate.toJSDate(),
        end: vevent.endDate.toJSDate(),
        zone: vevent.startDate.zone?.tzid ?? '',
        status: String(component.getFirstPropertyValue('status')),
      };
    });
  }

  it('serves a centre’s feed that a third-party parser reads, with the right instants in both zones', async () => {
    for (const code of ['PSU', 'BUAS'] as const) {
      const response = await t.request({ method: 'GET', url: `/api/v1/centres/${centreOf[code]}/events.ics?lang=ru` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/calendar');
      const zone = code === 'PSU' ? 'Europe/Moscow' : 'Asia/Shanghai';
      expect(response.body).toContain(`BEGIN:VTIMEZONE\r\nTZID:${zone}`);
      expect(response.body.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
      const parsed = parse(response.body);
      const api = (await t.request({ method: 'GET', url: `/api/v1/events?centreId=${centreOf[code]}&limit=100` })).json().items as {
        id: string;
        startsAt: string;
        endsAt: string;
        title: { ru: string };
      }[];
      expect(api.length).toBeGreaterThan(0);
      for (const item of api) {
        const found = parsed.find((entry) => entry.uid === `${item.id}@exchange.penza-baoji`);
        expect(found, item.id).toBeDefined();
        expect(found!.start.getTime()).toBe(Date.parse(item.startsAt));
        expect(found!.end.getTime()).toBe(Date.parse(item.endsAt));
        expect(found!.zone).toBe(zone);
        expect(found!.summary).toBe(item.title.ru);
      }
      // Local wall-clock time is written in the venue's zone.
      const first = api[0]!;
      const local = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .format(new Date(first.startsAt))
        .replace(':', '');
      expect(response.body).toMatch(new RegExp(`DTSTART;TZID=${zone}:\\d{8}T${local}00`));
    }
  });

  it('keeps UIDs stable and marks cancelled events', async () => {
    const event = await createEvent(psuCoordinator, { title: { en: 'Calendar test; with, commas', ru: '', zh: '' } });
    const before = parse((await t.request({ method: 'GET', url: `/api/v1/centres/${centreOf.PSU}/events.ics` })).body).find((entry) =>
      entry.uid.startsWith(event.id),
    )!;
    expect(before.summary).toBe('Calendar test; with, commas');
    expect(before.status).toBe('CONFIRMED');
    await t.request({ method: 'POST', url: `/api/v1/events/${event.id}/cancel`, token: psuCoordinator });
    const after = parse((await t.request({ method: 'GET', url: `/api/v1/centres/${centreOf.PSU}/events.ics` })).body).find((entry) =>
      entry.uid.startsWith(event.id),
    )!;
    expect(after.uid).toBe(before.uid);
    expect(after.status).toBe('CANCELLED');
    const single = await t.request({ method: 'GET', url: `/api/v1/events/${event.id}/calendar.ics` });
    expect(parse(single.body)).toHaveLength(1);
  });

  it('gives each person an unguessable personal feed of their registrations', async () => {
    const event = await createEvent(psuCoordinator, { capacity: 1 });
    await register(event.id, student('student2@psu'));
    const feed = await t.request({ method: 'POST', url: '/api/v1/me/calendar-feed', token: student('student2@psu'), payload: {} });
    expect(feed.statusCode).toBe(200);
    const { token, path } = feed.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect((await t.request({ method: 'POST', url: '/api/v1/me/calendar-feed', token: student('student2@psu'), payload: {} })).json().token).toBe(token);
    const personal = await t.request({ method: 'GET', url: `/api/v1${path}` });
    expect(personal.statusCode).toBe(200);
    expect(parse(personal.body).map((entry) => entry.uid)).toContain(`${event.id}@exchange.penza-baoji`);
    expect((await t.request({ method: 'GET', url: `/api/v1/calendar-feeds/${token.slice(0, -3)}abc/events.ics` })).statusCode).toBe(404);
    const stored = await t.database.rows<{ token_hash: string }>('select token_hash from calendar_feeds');
    expect(stored.some((row) => row.token_hash === token)).toBe(false);
    // Rotating kills the old address.
    const rotated = (await t.request({ method: 'POST', url: '/api/v1/me/calendar-feed', token: student('student2@psu'), payload: { rotate: true } })).json();
    expect(rotated.token).not.toBe(token);
    expect((await t.request({ method: 'GET', url: `/api/v1${path}` })).statusCode).toBe(404);
  });

  it('shows in a personal feed waiting-list places as tentative, cancelled events as cancelled, and drops withdrawn registrations', async () => {
    const event = await createEvent(psuCoordinator, { capacity: 1 });
    const other = await createEvent(psuCoordinator);
    expect((await register(event.id, student('student3@psu'))).statusCode).toBeLessThan(300);
    expect((await register(event.id, student('student4@psu'))).statusCode).toBeLessThan(300);
    expect((await register(other.id, student('student4@psu'))).statusCode).toBeLessThan(300);
    const feedOf = async (token: string) => {
      const { path } = (await t.request({ method: 'POST', url: '/api/v1/me/calendar-feed', token, payload: {} })).json();
      const response = await t.request({ method: 'GET', url: `/api/v1${path}` });
      expect(response.statusCode).toBe(200);
      return parse(response.body);
    };
    const uid = (id: string) => `${id}@exchange.penza-baoji`;
    const waiting = (await feedOf(student('student4@psu'))).find((entry) => entry.uid === uid(event.id))!;
    expect(waiting.status).toBe('TENTATIVE');
    expect(waiting.zone).toBe('Europe/Moscow');
    expect(waiting.start.toISOString()).toBe(new Date(event.startsAt).toISOString());
    expect(waiting.end.toISOString()).toBe(new Date(event.endsAt).toISOString());

    await t.request({ method: 'POST', url: `/api/v1/events/${event.id}/cancel`, token: psuCoordinator });
    const cancelled = (await feedOf(student('student3@psu'))).find((entry) => entry.uid === uid(event.id))!;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.summary.startsWith('✕ ')).toBe(true);

    expect((await unregister(other.id, student('student4@psu'))).statusCode).toBeLessThan(300);
    expect((await feedOf(student('student4@psu'))).map((entry) => entry.uid)).not.toContain(uid(other.id));
  });
});
