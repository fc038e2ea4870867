/**
 * The matrix rows of the mobilities. Ownership: own = a mobility of the caller (a student's own;
 * for staff, one whose sending side is home), same = for staff one whose receiving side is home,
 * for a student a fellow student's; other = between two other parties; missing. A side that may
 * see a mobility but not act on it gets 403; anyone who is no party gets 404.
 */
import { eq, sql } from 'drizzle-orm';
import { applications, mobilities, quotaLines } from '@exchange/db';
import { missingId, type Code, type Fixtures } from '../fixtures/security.js';
import { env, get, only, otherOf, signedIn, thirdOf, type Caller, type Owner, type Table } from './support.js';

type Stage = 'opened' | 'admitted' | 'abroad';
const stay = { plannedStart: '2026-09-01', plannedEnd: '2026-11-30', programme: 'Chinese language' };

async function expectOk(what: string, response: { statusCode: number; body: string }) {
  if (response.statusCode !== 200) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
}

/** A mobility of the given ownership for the caller, brought to the stage through the API. */
export async function mobilityFor(f: Fixtures, caller: Caller, owner: Owner, stage: Stage = 'opened') {
  if (owner === 'missing') return missingId;
  const home = caller.home;
  const student = caller.role === 'student';
  const [from, to]: [Code, Code] =
    owner === 'own' || (student && owner === 'same') ? [home, otherOf(home)] : owner === 'same' ? [otherOf(home), home] : [otherOf(home), thirdOf(home)];
  const made = await f.nomination(from, to, student && owner === 'own' ? caller.email! : undefined);
  const host = await f.token(f.coordinatorOf[to]);
  await expectOk(
    'approve',
    await env.t.request({ method: 'POST', url: `/api/v1/nominations/${made.id}/approve`, token: host, payload: { proposalId: made.proposalId } }),
  );
  const db = env.t.database.db;
  const [row] = await db.select({ id: mobilities.id, quotaId: mobilities.quotaId }).from(mobilities).where(eq(mobilities.nominationId, made.id));
  if (!row) throw new Error('no mobility opened by the approval');
  // The fixture application has no passport expiry, and the line's months fill up cell by cell.
  await db.update(applications).set({ passportExpiresOn: '2031-01-01' }).where(eq(applications.id, made.applicationId));
  await db
    .update(quotaLines)
    .set({ totalMonths: sql`${quotaLines.totalMonths} + 3` })
    .where(eq(quotaLines.id, row.quotaId));
  if (stage === 'opened') return row.id;
  await expectOk('admit', await env.t.request({ method: 'POST', url: `/api/v1/mobilities/${row.id}/admission`, token: host, payload: stay }));
  if (stage === 'abroad') {
    await expectOk(
      'arrive',
      await env.t.request({ method: 'POST', url: `/api/v1/mobilities/${row.id}/arrival`, token: host, payload: { date: '2026-09-01' } }),
    );
  }
  return row.id;
}

const post = (stage: Stage, action: string, payload: unknown) => async (f: Fixtures, caller: Caller, owner: Owner) => ({
  method: 'POST' as const,
  url: `/api/v1/mobilities/${await mobilityFor(f, caller, owner, stage)}/${action}`,
  payload,
});

export const mobilityRows: Table = {
  // Public: anyone may check a letter; an unknown code is simply not genuine.
  'GET /api/v1/reports/mobilities': {
    owned: false,
    build: async () => get('/api/v1/reports/mobilities?academicYear=2026%2F2027'),
    expect: only({ coordinator: 200, reviewer: 200, admin: 200 }),
  },
  'GET /api/v1/mobilities': { owned: false, build: async () => get('/api/v1/mobilities'), expect: signedIn(200) },
  'GET /api/v1/mobilities/:id': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/mobilities/${await mobilityFor(f, caller, owner)}`),
    expect: only({
      student: [200, 404, 404, 404],
      coordinator: [200, 200, 404, 404],
      reviewer: [200, 200, 404, 404],
      admin: [200, 200, 200, 404],
    }),
  },
  // The host's acts: the sending side sees the mobility but may not act (403).
  'POST /api/v1/mobilities/:id/admission': {
    owned: true,
    build: post('opened', 'admission', stay),
    expect: only({ coordinator: [403, 200, 404, 404] }),
  },
  'POST /api/v1/mobilities/:id/arrival': {
    owned: true,
    build: post('admitted', 'arrival', { date: '2026-09-02' }),
    expect: only({ coordinator: [403, 200, 404, 404] }),
  },
  'POST /api/v1/mobilities/:id/departure': {
    owned: true,
    build: post('abroad', 'departure', { date: '2026-11-20' }),
    expect: only({ coordinator: [403, 200, 404, 404] }),
  },
  // The sending office's acts: the host sees the mobility but may not act (403).
  'POST /api/v1/mobilities/:id/cancel': {
    owned: true,
    build: post('opened', 'cancel', { reason: 'The student withdrew.' }),
    expect: only({ coordinator: [200, 403, 404, 404] }),
  },
  'POST /api/v1/mobilities/:id/funding': {
    owned: true,
    build: post('opened', 'funding', { funding: { source: 'csc', monthlyAmount: 3000, currency: 'CNY' } }),
    expect: only({ coordinator: [200, 403, 404, 404] }),
  },
};
