import { beforeAll, describe, expect, it } from 'vitest';
import { eventsFixture, inDays } from '../../test/fixtures/events.js';
import { problemOf, type TestContext } from '../../test/helper.js';

const { f, student, createEvent, register, mine, notificationsOf } = eventsFixture();
let t: TestContext;
let psuCoordinator: string;
let buasCoordinator: string;
let admin: string;
let centreOf: Record<string, string>;
beforeAll(() => {
  ({ t, psuCoordinator, buasCoordinator, admin, centreOf } = f);
});

describe('centres and the public programme', () => {
  it('lists one centre per party, and upcoming published events to anyone', async () => {
    expect(Object.values(centreOf).filter(Boolean)).toHaveLength(3);
    const response = await t.request({ method: 'GET', url: '/api/v1/events' });
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.total).toBeGreaterThanOrEqual(6);
    expect(page.items.every((event: { status: string }) => event.status === 'published')).toBe(true);
    const starts = page.items.map((event: { startsAt: string }) => Date.parse(event.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(starts.every((start: number) => start > Date.now())).toBe(true);
  });

  it('filters by centre and by the language of the title, and pages', async () => {
    const bri = (await t.request({ method: 'GET', url: `/api/v1/events?centreId=${centreOf.BRI}` })).json();
    expect(bri.items.length).toBeGreaterThan(0);
    expect(bri.items.every((event: { centreId: string }) => event.centreId === centreOf.BRI)).toBe(true);
    // The seeded museum visit has no English title: it falls out of lang=en.
    const english = (await t.request({ method: 'GET', url: `/api/v1/events?centreId=${centreOf.BRI}&lang=en` })).json();
    expect(english.total).toBe(bri.total - 1);
    const firstPage = (await t.request({ method: 'GET', url: '/api/v1/events?limit=2' })).json();
    const secondPage = (await t.request({ method: 'GET', url: '/api/v1/events?limit=2&offset=2' })).json();
    expect(firstPage.items).toHaveLength(2);
    expect(secondPage.items[0].id).not.toBe(firstPage.items[1].id);
    expect(firstPage.total).toBe(secondPage.total);
  });

  it('lets only the admin open a centre', async () => {
    const body = {
      institutionId: await t.institutionId('BRI'),
      name: { en: 'Chinese opera club', ru: 'Клуб китайской оперы', zh: '秦腔俱乐部' },
    };
    expect((await t.request({ method: 'POST', url: '/api/v1/centres', token: psuCoordinator, payload: body })).statusCode).toBe(403);
    const created = await t.request({ method: 'POST', url: '/api/v1/centres', token: admin, payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ institutionId: body.institutionId, name: body.name });
  });
});

describe('running events', () => {
  it('keeps drafts to the centre’s coordinators, and publishes', async () => {
    const draft = await createEvent(psuCoordinator, {}, false);
    expect(draft.status).toBe('draft');
    expect(draft.timeZone).toBe('Europe/Moscow');
    expect((await t.request({ method: 'GET', url: `/api/v1/events/${draft.id}` })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/events/${draft.id}`, token: buasCoordinator })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/events/${draft.id}`, token: psuCoordinator })).statusCode).toBe(200);
    const anyStatus = (await t.request({ method: 'GET', url: `/api/v1/events?status=any&centreId=${centreOf.PSU}`, token: psuCoordinator })).json();
    expect(anyStatus.items.map((event: { id: string }) => event.id)).toContain(draft.id);
    expect((await register(draft.id, student('student1@psu'))).statusCode).toBe(404);

    // Another institution's coordinator: 404, exactly like a missing event.
    const foreign = await t.request({ method: 'POST', url: `/api/v1/events/${draft.id}/publish`, token: buasCoordinator });
    expect(foreign.statusCode).toBe(404);
    const published = await t.request({ method: 'POST', url: `/api/v1/events/${draft.id}/publish`, token: psuCoordinator });
    expect(published.json().status).toBe('published');
    expect((await t.request({ method: 'GET', url: `/api/v1/events/${draft.id}` })).statusCode).toBe(200);
  });

  it('refuses events at a centre one does not run, and students', async () => {
    const foreign = await t.request({
      method: 'POST',
      url: '/api/v1/events',
      token: buasCoordinator,
      payload: {
        centreId: centreOf.PSU,
        title: { en: 'x', ru: '', zh: '' },
        startsAt: inDays(3),
        endsAt: inDays(3, 1),
        venue: 'x',
        capacity: 5,
      },
    });
    expect(foreign.statusCode).toBe(422);
    expect(problemOf(foreign).code).toBe('centre_not_found');
    const byStudent = await t.request({ method: 'POST', url: '/api/v1/events', token: student('student1@psu'), payload: {} });
    expect(byStudent.statusCode).toBe(403);
    const backwards = await t.request({
      method: 'POST',
      url: '/api/v1/events',
      token: psuCoordinator,
      payload: {
        centreId: centreOf.PSU,
        title: { en: 'x', ru: '', zh: '' },
        startsAt: inDays(3, 1),
        endsAt: inDays(3),
        venue: 'x',
        capacity: 5,
      },
    });
    expect(backwards.statusCode).toBe(400);
  });
});

describe('changing and cancelling events', () => {
  it('raises capacity by promoting from the waiting list, and refuses to go below the confirmed count', async () => {
    const event = await createEvent(psuCoordinator, { capacity: 2 });
    for (const name of ['student1@psu', 'student2@psu', 'student3@psu', 'student4@psu']) await register(event.id, student(name));
    const lower = await t.request({ method: 'PATCH', url: `/api/v1/events/${event.id}`, token: psuCoordinator, payload: { capacity: 1 } });
    expect(lower.statusCode).toBe(409);
    expect(problemOf(lower).code).toBe('capacity_below_confirmed');
    const raise = await t.request({ method: 'PATCH', url: `/api/v1/events/${event.id}`, token: psuCoordinator, payload: { capacity: 3 } });
    expect(raise.statusCode).toBe(200);
    expect(raise.json()).toMatchObject({ capacity: 3, confirmedCount: 3, waitlistCount: 1 });
    expect((await mine(event.id, student('student3@psu'))).json().status).toBe('confirmed');
    expect((await mine(event.id, student('student4@psu'))).json()).toMatchObject({ status: 'waitlisted', position: 1 });
    const venue = { ru: 'Ауд. 2', zh: '2号教室', en: 'Room 2' };
    const same = await t.request({
      method: 'PATCH',
      url: `/api/v1/events/${event.id}`,
      token: psuCoordinator,
      payload: { capacity: 3, venue },
    });
    expect(same.json()).toMatchObject({ capacity: 3, venue, confirmedCount: 3 });
    // The calendar names the place in the feed's language.
    const feed = (lang: string) => t.request({ method: 'GET', url: `/api/v1/events/${event.id}/calendar.ics?lang=${lang}` });
    expect((await feed('zh')).body).toContain('LOCATION:2号教室');
    // A new place is announced to everyone registered, once.
    for (const name of ['student1@psu', 'student4@psu']) {
      expect((await notificationsOf(student(name))).filter((n) => n.kind === 'event.changed' && n.params.eventId === event.id)).toHaveLength(1);
    }
  });

  it('cancelling an event tells everyone registered and closes registration', async () => {
    const event = await createEvent(psuCoordinator, { capacity: 1 });
    await register(event.id, student('student1@buas'));
    await register(event.id, student('student2@buas'));
    expect((await t.request({ method: 'POST', url: `/api/v1/events/${event.id}/cancel`, token: buasCoordinator })).statusCode).toBe(404);
    const cancelled = await t.request({ method: 'POST', url: `/api/v1/events/${event.id}/cancel`, token: psuCoordinator });
    expect(cancelled.json().status).toBe('cancelled');
    for (const name of ['student1@buas', 'student2@buas']) {
      expect((await notificationsOf(student(name))).filter((n) => n.kind === 'event.cancelled' && n.params.eventId === event.id)).toHaveLength(1);
    }
    const late = await register(event.id, student('student3@psu'));
    expect(late.statusCode).toBe(409);
    expect(problemOf(late).code).toBe('event_cancelled');
    const edit = await t.request({ method: 'PATCH', url: `/api/v1/events/${event.id}`, token: psuCoordinator, payload: { capacity: 5 } });
    expect(problemOf(edit).code).toBe('event_cancelled');
    // The e-mail went to the outbox in the reader's language.
    const outbox = await t.database.rows<{ subject: string }>(`select subject from mail_outbox where subject like '%测试之夜%'`);
    expect(outbox.length).toBeGreaterThanOrEqual(2);
  });
});
