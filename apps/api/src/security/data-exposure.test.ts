/**
 * What lists and exports return, what responses carry per role, and what a client cannot set:
 * every id a list gives is readable on the detail endpoint by the same caller; partners never
 * receive passport numbers or internal comments; mass-assignment payloads are refused and
 * change nothing.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentVersion } from '@exchange/shared';
import { applications, calls, events, nominations, quotaLines, users } from '@exchange/db';
import { createTestContext, problemOf, type TestContext } from '../test/helper.js';
import { createFixtures, type Fixtures } from '../test/fixtures/security.js';

let t: TestContext;
let f: Fixtures;
beforeAll(async () => {
  t = await createTestContext();
  f = await createFixtures(t);
  // Objects of every party, so each list has something to hide.
  await f.nomination('PSU', 'BUAS');
  await f.nomination('BUAS', 'BRI');
  await f.nomination('BRI', 'PSU');
  await f.event('BUAS', 'draft');
  await f.event('PSU', 'draft');
  await f.application((await f.student('BUAS')).email, 'submitted');
}, 120_000);
afterAll(() => t?.close());

const accounts = [
  'admin@exchange.test',
  'coordinator@psu.exchange.test',
  'coordinator@buas.exchange.test',
  'coordinator@bri.exchange.test',
  'reviewer@buas.exchange.test',
  'student1@psu.exchange.test',
  'student2@psu.exchange.test',
  'student1@buas.exchange.test',
];

/** Every item id of every page of a list. */
async function allIds(token: string, url: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const response = await t.request({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}limit=100&offset=${offset}`, token });
    if (response.statusCode === 403) return ids;
    expect(response.statusCode, url).toBe(200);
    const body = response.json();
    ids.push(...body.items.map((item: { id: string }) => item.id));
    if (body.total === undefined || offset + 100 >= body.total) return ids;
  }
}

describe('lists never return what the detail endpoint refuses', () => {
  const pairs = [
    ['/api/v1/applications', '/api/v1/applications'],
    ['/api/v1/nominations', '/api/v1/nominations'],
    ['/api/v1/nominations?direction=incoming', '/api/v1/nominations'],
    ['/api/v1/nominations?direction=outgoing', '/api/v1/nominations'],
    ['/api/v1/calls', '/api/v1/calls'],
    ['/api/v1/users', '/api/v1/users'],
    ['/api/v1/events?status=any', '/api/v1/events'],
    ['/api/v1/events', '/api/v1/events'],
    ['/api/v1/centres', '/api/v1/centres'],
    ['/api/v1/agreements', '/api/v1/agreements'],
  ] as const;

  it('checks every id of every list for every demo account', { timeout: 300_000 }, async () => {
    let checked = 0;
    for (const email of accounts) {
      const token = await f.token(email);
      for (const [list, detail] of pairs) {
        for (const id of await allIds(token, list)) {
          const response = await t.request({ method: 'GET', url: `${detail}/${id}`, token });
          expect(response.statusCode, `${email} ${list} → ${id}`).toBe(200);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('exports hold exactly the rows of the list', async () => {
    for (const email of ['coordinator@psu.exchange.test', 'reviewer@buas.exchange.test', 'coordinator@buas.exchange.test']) {
      const token = await f.token(email);
      const list = await t.request({ method: 'GET', url: '/api/v1/applications?limit=100', token });
      const csv = await t.request({ method: 'GET', url: '/api/v1/applications/export.csv', token });
      expect(csv.statusCode).toBe(200);
      const rows = csv.body.trim().split(/\r?\n/).slice(1).filter(Boolean);
      expect(rows.length, email).toBe(list.json().total);
      const emails = new Set(list.json().items.map((item: { student: { email: string } }) => item.student.email));
      for (const row of rows)
        expect(
          [...emails].some((address) => row.includes(address as string)),
          `${email}: ${row}`,
        ).toBe(true);
    }
    const token = await f.token('coordinator@buas.exchange.test');
    const nominationsList = await t.request({ method: 'GET', url: '/api/v1/nominations?limit=100', token });
    const nominationsCsv = await t.request({ method: 'GET', url: '/api/v1/nominations/export.csv', token });
    expect(nominationsCsv.body.trim().split(/\r?\n/).slice(1).filter(Boolean).length).toBe(nominationsList.json().total);
  });
});

describe('responses are shaped per role', () => {
  it('gives the receiving partner no passport number and no internal review, the home office both', async () => {
    const made = await f.nomination('PSU', 'BUAS');
    const partner = await t.request({
      method: 'GET',
      url: `/api/v1/nominations/${made.id}`,
      token: await f.token('coordinator@buas.exchange.test'),
    });
    const reviewer = await t.request({
      method: 'GET',
      url: `/api/v1/nominations/${made.id}`,
      token: await f.token('reviewer@buas.exchange.test'),
    });
    const home = await t.request({
      method: 'GET',
      url: `/api/v1/nominations/${made.id}`,
      token: await f.token('coordinator@psu.exchange.test'),
    });
    for (const response of [partner, reviewer]) {
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain('56 99 000001');
      expect(response.body).not.toContain('internal note');
      expect(JSON.stringify(response.json().student)).not.toMatch(/passport/i);
    }
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('56 99 000001');
    // The partner's list and export hold no passport number either.
    const token = await f.token('coordinator@buas.exchange.test');
    for (const url of ['/api/v1/nominations?direction=incoming&limit=100', '/api/v1/nominations/export.csv']) {
      const response = await t.request({ method: 'GET', url, token });
      expect(response.body, url).not.toMatch(/56 9\d 0000|56 0\d 4821/);
    }
  });

  it('refuses the partner the passport copy', async () => {
    const made = await f.nomination('PSU', 'BUAS');
    const psuToken = await f.token('coordinator@psu.exchange.test');
    const dossier = (await t.request({ method: 'GET', url: `/api/v1/applications/${made.applicationId}`, token: psuToken })).json();
    expect(dossier.documents.length).toBeGreaterThan(0);
    // Attach a passport copy directly, then ask for it as the partner.
    const { applicationDocuments } = await import('@exchange/db');
    const { createHash } = await import('node:crypto');
    const { pdf } = await import('../test/fixtures/security.js');
    const [passport] = await t.database.db
      .insert(applicationDocuments)
      .values({
        applicationId: made.applicationId,
        type: 'passport_copy',
        fileName: 'passport_copy.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        content: pdf,
      })
      .returning();
    const partner = await t.request({
      method: 'GET',
      url: `/api/v1/nominations/${made.id}/documents/${passport!.id}`,
      token: await f.token('coordinator@buas.exchange.test'),
    });
    expect(partner.statusCode).toBe(404);
    const home = await t.request({ method: 'GET', url: `/api/v1/nominations/${made.id}/documents/${passport!.id}`, token: psuToken });
    expect(home.statusCode).toBe(200);
  });

  it('shows a student eligibility but not the score or the reviewer’s comment', async () => {
    const made = await f.application('student2@psu.exchange.test', 'reviewed');
    const response = await t.request({
      method: 'GET',
      url: `/api/v1/applications/${made.id}`,
      token: await f.token('student2@psu.exchange.test'),
    });
    expect(response.statusCode).toBe(200);
    const review = response.json().review;
    expect(review?.score ?? null).toBeNull();
    expect(response.body).not.toContain('internal note');
  });
});

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
