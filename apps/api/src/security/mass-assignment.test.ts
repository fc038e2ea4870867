/**
 * What a client cannot set: mass-assignment payloads (status, institution, role, counters,
 * password hashes...) are refused with a 4xx and change nothing; the lists and responses side
 * is in data-exposure.test.ts.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentVersion } from '@exchange/shared';
import { applications, calls, events, nominations, quotaLines, users } from '@exchange/db';
import { createTestContext, problemOf, type TestContext } from '../test/helper.js';
import { createFixtures, seedEveryParty, type Fixtures } from '../test/fixtures/security.js';

let t: TestContext;
let f: Fixtures;
beforeAll(async () => {
  t = await createTestContext();
  f = await createFixtures(t);
  await seedEveryParty(f);
}, 120_000);
afterAll(() => t?.close());

describe('mass assignment is refused and changes nothing', () => {
  type Attempt = {
    who: string;
    method: 'POST' | 'PATCH';
    url: () => Promise<string>;
    payload: () => Promise<Record<string, unknown>>;
    snapshot: () => Promise<unknown>;
  };

  it('refuses status, institutionId, role, used, passwordHash and friends', { timeout: 120_000 }, async () => {
    const draft = await f.application('student1@psu.exchange.test', 'draft');
    const event = await f.event('PSU');
    const line = await f.line('PSU', 'BUAS');
    const pending = await f.student('PSU', 'pending');
    const made = await f.nomination('PSU', 'BUAS');
    const call = await f.call('PSU');
    const applicationRow = async () => (await t.database.db.select().from(applications).where(eq(applications.id, draft.id)))[0];
    const userRow = async (id: string) => (await t.database.db.select().from(users).where(eq(users.id, id)))[0];
    const student1 = await f.userId('student1@psu.exchange.test');
    const attempts: Attempt[] = [
      {
        who: 'student1@psu.exchange.test',
        method: 'PATCH',
        url: async () => `/api/v1/applications/${draft.id}`,
        payload: async () => ({ status: 'nominated' }),
        snapshot: applicationRow,
      },
      {
        who: 'student1@psu.exchange.test',
        method: 'PATCH',
        url: async () => `/api/v1/applications/${draft.id}`,
        payload: async () => ({ motivation: 'x', studentId: await f.userId('student2@psu.exchange.test') }),
        snapshot: applicationRow,
      },
      {
        who: 'student1@psu.exchange.test',
        method: 'PATCH',
        url: async () => `/api/v1/applications/${draft.id}`,
        payload: async () => ({ reviewScore: 100, reviewEligible: true }),
        snapshot: applicationRow,
      },
      {
        who: 'student1@psu.exchange.test',
        method: 'PATCH',
        url: async () => `/api/v1/applications/${draft.id}`,
        payload: async () => ({ review: { score: 100 } }),
        snapshot: applicationRow,
      },
      {
        who: 'student1@psu.exchange.test',
        method: 'POST',
        url: async () => '/api/v1/applications',
        payload: async () => ({ callId: call.id, status: 'submitted' }),
        snapshot: async () => (await t.database.db.select().from(applications).where(eq(applications.callId, call.id))).length,
      },
      {
        who: 'student1@psu.exchange.test',
        method: 'PATCH',
        url: async () => '/api/v1/me',
        payload: async () => ({ role: 'admin' }),
        snapshot: () => userRow(student1),
      },
      {
        who: 'student1@psu.exchange.test',
        method: 'PATCH',
        url: async () => '/api/v1/me',
        payload: async () => ({ institutionId: f.institution.BUAS }),
        snapshot: () => userRow(student1),
      },
      {
        who: 'student1@psu.exchange.test',
        method: 'PATCH',
        url: async () => '/api/v1/me',
        payload: async () => ({ status: 'active', passwordHash: 'x' }),
        snapshot: () => userRow(student1),
      },
      {
        who: 'student1@psu.exchange.test',
        method: 'PATCH',
        url: async () => '/api/v1/me',
        payload: async () => ({ fullName: 'X', email: 'admin2@exchange.test' }),
        snapshot: () => userRow(student1),
      },
      {
        who: 'coordinator@psu.exchange.test',
        method: 'PATCH',
        url: async () => `/api/v1/users/${pending.id}`,
        payload: async () => ({ role: 'admin' }),
        snapshot: () => userRow(pending.id),
      },
      {
        who: 'coordinator@psu.exchange.test',
        method: 'PATCH',
        url: async () => `/api/v1/users/${pending.id}`,
        payload: async () => ({ institutionId: f.institution.BUAS }),
        snapshot: () => userRow(pending.id),
      },
      {
        who: 'coordinator@psu.exchange.test',
        method: 'PATCH',
        url: async () => `/api/v1/users/${pending.id}`,
        payload: async () => ({ passwordHash: 'x' }),
        snapshot: () => userRow(pending.id),
      },
      {
        who: 'coordinator@psu.exchange.test',
        method: 'PATCH',
        url: async () => `/api/v1/users/${pending.id}`,
        payload: async () => ({ email: 'taken@example.test' }),
        snapshot: () => userRow(pending.id),
      },
      {
        who: 'coordinator@psu.exchange.test',
        method: 'PATCH',
        url: async () => `/api/v1/users/${await f.userId('coordinator@buas.exchange.test')}`,
        payload: async () => ({ role: 'student' }),
        snapshot: async () => userRow(await f.userId('coordinator@buas.exchange.test')),
      },
      {
        who: 'admin@exchange.test',
        method: 'PATCH',
        url: async () => `/api/v1/quotas/${line.id}`,
        payload: async () => ({ used: 0 }),
        snapshot: async () => (await t.database.db.select().from(quotaLines).where(eq(quotaLines.id, line.id)))[0],
      },
      {
        who: 'admin@exchange.test',
        method: 'PATCH',
        url: async () => `/api/v1/quotas/${line.id}`,
        payload: async () => ({ sendingInstitutionId: f.institution.BRI }),
        snapshot: async () => (await t.database.db.select().from(quotaLines).where(eq(quotaLines.id, line.id)))[0],
      },
      {
        who: 'coordinator@psu.exchange.test',
        method: 'PATCH',
        url: async () => `/api/v1/events/${event.id}`,
        payload: async () => ({ confirmedCount: 0 }),
        snapshot: async () => (await t.database.db.select().from(events).where(eq(events.id, event.id)))[0],
      },
      {
        who: 'coordinator@psu.exchange.test',
        method: 'PATCH',
        url: async () => `/api/v1/events/${event.id}`,
        payload: async () => ({ centreId: await f.centreOf('BUAS') }),
        snapshot: async () => (await t.database.db.select().from(events).where(eq(events.id, event.id)))[0],
      },
      {
        who: 'coordinator@psu.exchange.test',
        method: 'PATCH',
        url: async () => `/api/v1/calls/${call.id}`,
        payload: async () => ({ institutionId: f.institution.BUAS }),
        snapshot: async () => (await t.request({ method: 'GET', url: `/api/v1/calls/${call.id}`, token: await f.token('admin@exchange.test') })).json(),
      },
      {
        who: 'coordinator@psu.exchange.test',
        method: 'POST',
        url: async () => '/api/v1/calls',
        payload: async () => ({
          institutionId: f.institution.BUAS,
          title: { ru: 'Чужой', zh: '别人的', en: 'Not ours' },
          academicYear: '2026/2027',
          mobilityType: 'semester',
          opensAt: '2026-12-01T00:00:00Z',
          closesAt: '2026-12-31T00:00:00Z',
        }),
        snapshot: async () => (await t.database.db.select().from(calls)).length,
      },
      {
        who: 'coordinator@psu.exchange.test',
        method: 'PATCH',
        url: async () => `/api/v1/nominations/${made.id}`,
        payload: async () => ({ note: 'x', status: 'approved' }),
        snapshot: async () => (await t.database.db.select().from(nominations).where(eq(nominations.id, made.id)))[0],
      },
      {
        who: 'coordinator@psu.exchange.test',
        method: 'PATCH',
        url: async () => `/api/v1/nominations/${made.id}`,
        payload: async () => ({ note: 'x', receivingInstitutionId: f.institution.BRI }),
        snapshot: async () => (await t.database.db.select().from(nominations).where(eq(nominations.id, made.id)))[0],
      },
      {
        who: 'coordinator@psu.exchange.test',
        method: 'POST',
        url: async () => '/api/v1/nominations',
        payload: async () => ({ applicationId: draft.id, quotaId: line.id, status: 'approved' }),
        snapshot: async () => (await t.database.db.select().from(nominations).where(eq(nominations.applicationId, draft.id))).length,
      },
      {
        who: 'anonymous',
        method: 'POST',
        url: async () => '/api/v1/auth/register',
        payload: async () => ({
          email: 'sneaky@example.test',
          password: 'Penza-Baoji-2026-x',
          fullName: 'S',
          institutionId: f.institution.PSU,
          consent: { version: consentVersion },
          role: 'admin',
        }),
        snapshot: async () => (await t.database.db.select().from(users).where(eq(users.email, 'sneaky@example.test'))).length,
      },
      {
        who: 'anonymous',
        method: 'POST',
        url: async () => '/api/v1/auth/register',
        payload: async () => ({
          email: 'sneaky@example.test',
          password: 'Penza-Baoji-2026-x',
          fullName: 'S',
          institutionId: f.institution.PSU,
          consent: { version: consentVersion },
          status: 'active',
        }),
        snapshot: async () => (await t.database.db.select().from(users).where(eq(users.email, 'sneaky@example.test'))).length,
      },
    ];
    for (const attempt of attempts) {
      const before = await attempt.snapshot();
      const response = await t.request({
        method: attempt.method,
        url: await attempt.url(),
        payload: await attempt.payload(),
        ...(attempt.who === 'anonymous' ? {} : { token: await f.token(attempt.who) }),
      });
      const label = `${attempt.who} ${attempt.method} ${await attempt.url()} ${JSON.stringify(await attempt.payload())}`;
      expect(response.statusCode, label).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, label).toBeLessThan(500);
      expect(problemOf(response).status, label).toBe(response.statusCode);
      expect(await attempt.snapshot(), label).toEqual(before);
    }
  });

  it('ignores a registration’s claimed status: a full event waitlists whatever the body says', async () => {
    const event = await f.event('PSU');
    await t.database.db.update(events).set({ capacity: 1 }).where(eq(events.id, event.id));
    await f.registration(event.id, (await f.student('PSU')).email);
    const response = await t.request({
      method: 'POST',
      url: `/api/v1/events/${event.id}/registrations`,
      token: await f.token('student2@psu.exchange.test'),
      payload: { status: 'confirmed', position: 1, userId: await f.userId('student1@psu.exchange.test') },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ status: 'waitlisted', position: 1, userId: await f.userId('student2@psu.exchange.test') });
    const [row] = await t.database.db.select().from(events).where(eq(events.id, event.id));
    expect(row!.confirmedCount).toBe(1);
  });
});
