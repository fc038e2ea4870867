/**
 * The totals of the application lists come from a counter table kept per (call, status) by
 * triggers in the same transaction as every change of status. On any database the counts
 * follow a submission and a withdrawal; on PostgreSQL with real parallel connections (PGlite
 * runs one statement at a time, so concurrency proves nothing there and is skipped),
 * submissions, reviews, withdrawals and new drafts across two calls at once leave the counters
 * equal to a count of the rows, and the lists' totals with them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { applicationsFixture, closesAt, hsk4, identity } from '../../test/fixtures/applications.js';
import type { TestContext } from '../../test/helper.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
const { f } = applicationsFixture();
let t: TestContext;
let coordinator: string;
const password = 'Penza-Baoji-Counts-2026';

beforeAll(() => {
  ({ t, coordinator } = f);
});

/** A published call with one line and no documents to upload: a draft is complete once filled in. */
async function oneLineCall(title: string) {
  const created = await t.request({
    method: 'POST',
    url: '/api/v1/calls',
    token: coordinator,
    payload: {
      title: { en: title, ru: title, zh: title },
      academicYear: '2025/2026',
      mobilityType: 'semester',
      opensAt: new Date(Date.now() - 3600_000).toISOString(),
      closesAt: closesAt.toISOString(),
      maxPreferences: 1,
      requiredDocuments: [],
      quotaIds: [f.quotaIds[0]],
      status: 'published',
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id as string;
}

/** New PSU students, signed in. */
async function students(count: number, tag: string) {
  const admin = await t.login('admin@exchange.test');
  const psu = await t.institutionId('PSU');
  const tokens: string[] = [];
  for (let index = 0; index < count; index++) {
    const email = `counts-${tag}-${index}-${Date.now()}@psu.exchange.test`;
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      token: admin,
      payload: { email, fullName: `Студент ${index}`, role: 'student', institutionId: psu, password },
    });
    expect(created.statusCode, created.body).toBe(201);
    tokens.push(await t.login(email, password));
  }
  return tokens;
}

/** A draft filled in so that it can be submitted. */
async function completeDraft(token: string, callId: string) {
  const draft = await t.request({ method: 'POST', url: '/api/v1/applications', token, payload: { callId } });
  expect(draft.statusCode, draft.body).toBe(201);
  const id = draft.json().id as string;
  const filled = await t.request({
    method: 'PATCH',
    url: `/api/v1/applications/${id}`,
    token,
    payload: { ...identity, motivation: 'Chinese studies in Baoji', gpa: 4.5, languageCertificates: [hsk4] },
  });
  expect(filled.statusCode, filled.body).toBe(200);
  return id;
}

const submit = (token: string, id: string) => t.request({ method: 'POST', url: `/api/v1/applications/${id}/submit`, token });
const withdraw = (token: string, id: string) => t.request({ method: 'POST', url: `/api/v1/applications/${id}/withdraw`, token });

/** The counter table and a count of the rows, for these calls. */
async function counters(callIds: string[]) {
  const [kept, counted] = await Promise.all([
    t.database.rows<{ call_id: string; status: string; n: number }>(
      'select call_id, status, n from application_counts where call_id = any($1::uuid[]) and n <> 0 order by call_id, status',
      [callIds],
    ),
    t.database.rows<{ call_id: string; status: string; n: number }>(
      'select call_id, status, count(*)::int as n from applications where call_id = any($1::uuid[]) group by call_id, status order by call_id, status',
      [callIds],
    ),
  ]);
  return { kept: kept.map((row) => ({ ...row, n: Number(row.n) })), counted };
}

async function listOf(callId: string, status?: string) {
  const response = await t.request({
    method: 'GET',
    url: `/api/v1/applications?callId=${callId}${status ? `&status=${status}` : ''}&limit=5`,
    token: coordinator,
  });
  expect(response.statusCode).toBe(200);
  return response.json() as { total: number; counts: Record<string, number>; items: { id: string }[] };
}

describe('application totals', () => {
  it('follow a submission and a withdrawal, in the counter table and in the lists', async () => {
    const callId = await oneLineCall('Counts follow the status');
    const [student] = await students(1, 'one');
    const id = await completeDraft(student!, callId);
    expect((await listOf(callId)).counts).toEqual({ draft: 1 });

    expect((await submit(student!, id)).statusCode).toBe(200);
    const submitted = await listOf(callId, 'submitted');
    expect(submitted.counts).toEqual({ submitted: 1 });
    expect(submitted.total).toBe(1);
    expect(submitted.items.map((item) => item.id)).toEqual([id]);

    expect((await withdraw(student!, id)).statusCode).toBe(200);
    const after = await listOf(callId, 'submitted');
    expect(after).toMatchObject({ total: 0, items: [], counts: { withdrawn: 1 } });
    // The all-calls list of the office sums the same counters.
    const all = (await t.request({ method: 'GET', url: '/api/v1/applications?status=withdrawn&limit=1', token: coordinator })).json();
    const [office] = await t.database.rows<{ n: number }>(
      `select count(*)::int as n from applications a join calls c on c.id = a.call_id where c.institution_id = $1 and a.status = 'withdrawn'`,
      [await t.institutionId('PSU')],
    );
    expect(all.total).toBe(Number(office!.n));
    const { counted } = await counters([callId]);
    expect(counted).toEqual([{ call_id: callId, status: 'withdrawn', n: 1 }]);

    const { kept } = await counters([callId]);
    expect(kept).toEqual(counted);
  }, 120_000);
});

describe.skipIf(!onPostgres)('application totals under concurrent changes', () => {
  it('stay exact while students submit, withdraw and start drafts and the office reviews, on two calls at once', async () => {
    const calls = [await oneLineCall('Concurrent counts A'), await oneLineCall('Concurrent counts B')];
    const tokens = await students(10, 'many');
    // Every student has a complete draft in both calls.
    const drafts = await Promise.all(tokens.flatMap((token) => calls.map(async (callId) => ({ token, callId, id: await completeDraft(token, callId) }))));
    const exact = async () => {
      const { kept, counted } = await counters(calls);
      expect(kept).toEqual(counted);
    };
    await exact();

    // All submit at once.
    const submitted = await Promise.all(drafts.map((draft) => submit(draft.token, draft.id)));
    expect(submitted.map((response) => response.statusCode)).toEqual(drafts.map(() => 200));
    await exact();

    // At once: the office reviews the first half (some eligible, some not), the second half
    // withdraws, and the first half's students start (and withdraw) other drafts.
    const half = drafts.length / 2;
    const others = [await oneLineCall('Concurrent counts C')];
    const acts = await Promise.all([
      ...drafts.slice(0, half).map((draft, index) =>
        t.request({
          method: 'POST',
          url: `/api/v1/applications/${draft.id}/review`,
          token: coordinator,
          payload: index % 3 === 0 ? { score: 40, eligible: false, comment: 'Below the level asked' } : { score: 60 + index, eligible: true },
        }),
      ),
      ...drafts.slice(half).map((draft) => withdraw(draft.token, draft.id)),
      ...tokens.slice(0, 5).map(async (token) => {
        const id = await completeDraft(token, others[0]!);
        return withdraw(token, id);
      }),
    ]);
    expect(acts.map((response) => response.statusCode)).toEqual(acts.map(() => 200));
    calls.push(...others);
    await exact();

    // Withdrawing while the office reviews the same applications: whichever lands first, the counts agree.
    const reviewed = drafts.slice(0, half).filter((_, index) => index % 3 !== 0);
    await Promise.all(
      reviewed.flatMap((draft) => [
        withdraw(draft.token, draft.id),
        t.request({
          method: 'POST',
          url: `/api/v1/applications/${draft.id}/review`,
          token: coordinator,
          payload: { score: 10, eligible: false, comment: 'Late' },
        }),
      ]),
    );
    await exact();

    // The lists' totals are those of the rows.
    const { counted } = await counters(calls);
    for (const callId of calls) {
      const list = await listOf(callId, 'submitted');
      const rows = counted.filter((row) => row.call_id === callId);
      expect(list.counts).toEqual(Object.fromEntries(rows.map((row) => [row.status, row.n])));
      expect(list.total).toBe(rows.find((row) => row.status === 'submitted')?.n ?? 0);
    }
  }, 300_000);
});
