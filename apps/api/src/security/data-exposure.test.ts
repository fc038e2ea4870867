/**
 * What lists and exports return and what responses carry per role: every id a list gives is
 * readable on the detail endpoint by the same caller; partners never receive passport numbers
 * or internal comments. What a client cannot set is in mass-assignment.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/helper.js';
import { createFixtures, seedEveryParty, type Fixtures } from '../test/fixtures/security.js';

let t: TestContext;
let f: Fixtures;
beforeAll(async () => {
  t = await createTestContext();
  f = await createFixtures(t);
  await seedEveryParty(f);
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
