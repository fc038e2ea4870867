import { beforeAll, describe, expect, it } from 'vitest';
import { eventsFixture, inDays } from '../../test/fixtures/events.js';
import { problemOf, type TestContext } from '../../test/helper.js';

const { f, student, createEvent, register } = eventsFixture();
let t: TestContext;
let psuCoordinator: string;
let buasCoordinator: string;
let centreOf: Record<string, string>;
beforeAll(() => {
  ({ t, psuCoordinator, buasCoordinator, centreOf } = f);
});

describe('at the door', () => {
  it('checks in by QR code or by name, refuses forged codes, and hides registrations from other centres', async () => {
    const event = await createEvent(psuCoordinator, { capacity: 1 });
    const confirmed = (await register(event.id, student('student1@buas'))).json();
    const waiting = (await register(event.id, student('student2@buas'))).json();

    const list = await t.request({ method: 'GET', url: `/api/v1/events/${event.id}/registrations?q=张`, token: psuCoordinator });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({ fullName: '张伟', status: 'confirmed' });
    expect(list.json().items[0].checkInCode).toBeUndefined();
    expect(list.json().counts).toMatchObject({ confirmed: 1, waitlisted: 1, checkedIn: 0 });

    // Another centre's coordinator, and a missing event: the same 404.
    const foreign = await t.request({ method: 'GET', url: `/api/v1/events/${event.id}/registrations`, token: buasCoordinator });
    const missing = await t.request({
      method: 'GET',
      url: '/api/v1/events/00000000-0000-4000-8000-000000000000/registrations',
      token: buasCoordinator,
    });
    expect(foreign.statusCode).toBe(404);
    expect(problemOf(foreign).code).toBe(problemOf(missing).code);
    expect(problemOf(foreign).detail).toBe(problemOf(missing).detail);
    expect((await t.request({ method: 'GET', url: `/api/v1/events/${event.id}/registrations.csv`, token: buasCoordinator })).statusCode).toBe(404);

    const forged = await t.request({
      method: 'POST',
      url: `/api/v1/events/${event.id}/check-in`,
      token: psuCoordinator,
      payload: { code: `${confirmed.checkInCode.slice(0, -2)}xx` },
    });
    expect(forged.statusCode).toBe(422);
    expect(problemOf(forged).code).toBe('invalid_check_in_code');
    const byId = await t.request({
      method: 'POST',
      url: `/api/v1/events/${event.id}/check-in`,
      token: psuCoordinator,
      payload: { code: confirmed.id },
    });
    expect(problemOf(byId).code).toBe('invalid_check_in_code');

    const scanned = await t.request({
      method: 'POST',
      url: `/api/v1/events/${event.id}/check-in`,
      token: psuCoordinator,
      payload: { code: confirmed.checkInCode },
    });
    expect(scanned.statusCode).toBe(200);
    expect(scanned.json()).toMatchObject({ id: confirmed.id, fullName: '张伟', alreadyCheckedIn: false });
    expect(scanned.json().checkedInAt).toBeTruthy();
    const twice = await t.request({
      method: 'POST',
      url: `/api/v1/events/${event.id}/registrations/${confirmed.id}/check-in`,
      token: psuCoordinator,
    });
    expect(twice.json()).toMatchObject({ alreadyCheckedIn: true, checkedInAt: scanned.json().checkedInAt });
    const notConfirmed = await t.request({
      method: 'POST',
      url: `/api/v1/events/${event.id}/registrations/${waiting.id}/check-in`,
      token: psuCoordinator,
    });
    expect(notConfirmed.statusCode).toBe(409);
    expect(problemOf(notConfirmed).code).toBe('registration_waitlisted');
    // A code of this event is worthless at another.
    const other = await createEvent(psuCoordinator);
    expect(
      problemOf(
        await t.request({
          method: 'POST',
          url: `/api/v1/events/${other.id}/check-in`,
          token: psuCoordinator,
          payload: { code: confirmed.checkInCode },
        }),
      ).code,
    ).toBe('invalid_check_in_code');
    // Only the hash of the code is kept.
    const stored = await t.database.rows<{ check_in_token_hash: string }>('select check_in_token_hash from registrations where id = $1', [confirmed.id]);
    expect(stored[0]!.check_in_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]!.check_in_token_hash).not.toContain(confirmed.checkInCode);

    const attendance = await t.request({
      method: 'GET',
      url: `/api/v1/centres/${centreOf.PSU}/attendance?from=${encodeURIComponent(inDays(-1))}&to=${encodeURIComponent(inDays(60))}`,
      token: psuCoordinator,
    });
    expect(attendance.statusCode).toBe(200);
    expect(attendance.json().items.find((row: { eventId: string }) => row.eventId === event.id)).toMatchObject({
      confirmed: 1,
      waitlisted: 1,
      checkedIn: 1,
    });
    expect(attendance.json().totals.checkedIn).toBeGreaterThanOrEqual(1);
    expect((await t.request({ method: 'GET', url: `/api/v1/centres/${centreOf.PSU}/attendance`, token: buasCoordinator })).statusCode).toBe(404);
  });
});
