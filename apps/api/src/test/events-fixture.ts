/**
 * The shared setting of the events, registrations, check-in and calendar tests: a fresh app,
 * the coordinators, the admin and a few students signed in, the parties' centres, and helpers.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestContext, type TestContext } from './helper.js';

export const day = 24 * 60 * 60 * 1000;

export const inDays = (days: number, hours = 0) => new Date(Math.floor((Date.now() + days * day + hours * 3600 * 1000) / 60_000) * 60_000).toISOString();

type EventBody = Record<string, unknown>;

/** Call at the top of a test file; the returned fields are set once its `beforeAll` ran. */
export function eventsFixture() {
  const f = {
    t: undefined as unknown as TestContext,
    psuCoordinator: '',
    buasCoordinator: '',
    admin: '',
    students: {} as Record<string, string>,
    centreOf: {} as Record<string, string>,
  };

  beforeAll(async () => {
    const t = (f.t = await createTestContext());
    [f.psuCoordinator, f.buasCoordinator, f.admin] = await Promise.all([
      t.login('coordinator@psu.exchange.test'),
      t.login('coordinator@buas.exchange.test'),
      t.login('admin@exchange.test'),
    ]);
    for (const email of [
      'student1@psu.exchange.test',
      'student2@psu.exchange.test',
      'student3@psu.exchange.test',
      'student4@psu.exchange.test',
      'student5@psu.exchange.test',
      'student1@buas.exchange.test',
      'student2@buas.exchange.test',
    ]) {
      f.students[email.replace('@', '.').split('.').slice(0, 2).join('@')] = await t.login(email);
    }
    const centres = (await t.request({ method: 'GET', url: '/api/v1/centres' })).json().items as { id: string; institutionId: string }[];
    for (const code of ['PSU', 'BUAS', 'BRI'] as const) {
      const institutionId = await t.institutionId(code);
      f.centreOf[code] = centres.find((centre) => centre.institutionId === institutionId)!.id;
    }
    // Seven sign-ins hash seven passwords: slow on a busy machine, and now run once per module's file.
  }, 180_000);
  afterAll(() => f.t?.close());

  const student = (name: string) => f.students[name]!;

  async function createEvent(token: string, body: EventBody = {}, publish = true) {
    const t = f.t;
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/events',
      token,
      payload: {
        centreId: f.centreOf.PSU,
        title: { en: 'Test evening', ru: 'Тестовый вечер', zh: '测试之夜' },
        description: { en: '', ru: '', zh: '' },
        startsAt: inDays(7),
        endsAt: inDays(7, 2),
        venue: 'Room 1',
        capacity: 2,
        ...body,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const event = response.json();
    if (publish) {
      const published = await t.request({ method: 'POST', url: `/api/v1/events/${event.id}/publish`, token });
      expect(published.statusCode, published.body).toBe(200);
      return published.json();
    }
    return event;
  }

  const register = (eventId: string, token: string) => f.t.request({ method: 'POST', url: `/api/v1/events/${eventId}/registrations`, token });
  const unregister = (eventId: string, token: string) => f.t.request({ method: 'DELETE', url: `/api/v1/events/${eventId}/registrations/me`, token });
  const mine = (eventId: string, token: string) => f.t.request({ method: 'GET', url: `/api/v1/events/${eventId}/registrations/me`, token });
  const eventOf = async (eventId: string, token?: string) => (await f.t.request({ method: 'GET', url: `/api/v1/events/${eventId}`, ...(token && { token }) })).json();
  const notificationsOf = async (token: string) =>
    (await f.t.request({ method: 'GET', url: '/api/v1/notifications', token })).json().items as { kind: string; params: Record<string, unknown> }[];

  return { f, student, createEvent, register, unregister, mine, eventOf, notificationsOf };
}
