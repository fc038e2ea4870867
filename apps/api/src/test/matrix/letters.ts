/** The matrix rows of the admission letter: its PDF and the public verification of its code. */
import { eq } from 'drizzle-orm';
import { applications, mobilities, quotaLines } from '@exchange/db';
import { missingId, type Code, type Fixtures } from '../fixtures/security.js';
import { env, everyone, only, otherOf, thirdOf, type Caller, type Owner, type Table } from './support.js';

/** A mobility from one institution to another, approved and admitted by the host: it has its admission letter. */
async function admitted(f: Fixtures, from: Code, to: Code) {
  const { t } = env;
  const db = t.database.db;
  const nomination = await f.nomination(from, to);
  const host = await f.token(f.coordinatorOf[to]);
  const approved = await t.request({
    method: 'POST',
    url: `/api/v1/nominations/${nomination.id}/approve`,
    token: host,
    payload: { proposalId: nomination.proposalId },
  });
  if (approved.statusCode !== 200) throw new Error(`approval ${from}→${to}: ${approved.statusCode} ${approved.body}`);
  const [mobility] = await db.select().from(mobilities).where(eq(mobilities.nominationId, nomination.id));
  // What admission asks beyond the fixture: a passport valid past the stay, months left on the line.
  await db.update(applications).set({ passportExpiresOn: '2031-01-01' }).where(eq(applications.id, nomination.applicationId));
  await db.update(quotaLines).set({ totalMonths: null }).where(eq(quotaLines.id, mobility!.quotaId));
  const admission = await t.request({
    method: 'POST',
    url: `/api/v1/mobilities/${mobility!.id}/admission`,
    token: host,
    payload: { plannedStart: '2026-09-01', plannedEnd: '2026-10-31', programme: 'Language course' },
  });
  if (admission.statusCode !== 200) throw new Error(`admission ${from}→${to}: ${admission.statusCode} ${admission.body}`);
  const letter = admission.json().letters[0] as { id: string; code: string };
  return { mobilityId: mobility!.id, letterId: letter.id, code: letter.code, studentEmail: nomination.studentEmail };
}

/**
 * Ownership of a mobility: own = the student's own (a student) or outgoing from home (staff);
 * same = another student's of home (a student) or incoming to home (staff); other = between the
 * two other parties; missing = no such mobility or letter.
 */
async function letterFor(f: Fixtures, caller: Caller, owner: Owner) {
  const home = caller.home;
  if (owner === 'missing') return { mobilityId: missingId, letterId: missingId, code: 'AAAA-BBBB-CCCC', token: undefined };
  if (owner === 'other') return { ...(await admitted(f, otherOf(home), thirdOf(home))), token: undefined };
  const student = caller.role === 'student';
  const made = owner === 'own' || student ? await admitted(f, home, otherOf(home)) : await admitted(f, otherOf(home), home);
  // The matrix's student has no mobility of its own: the fresh nominee stands in for "own".
  return { ...made, token: owner === 'own' && student ? await f.token(made.studentEmail) : undefined };
}

export const letters: Table = {
  'GET /api/v1/mobilities/:id/letters/:letterId.pdf': {
    owned: true,
    build: async (f, caller, owner) => {
      const { mobilityId, letterId, token } = await letterFor(f, caller, owner);
      return { method: 'GET', url: `/api/v1/mobilities/${mobilityId}/letters/${letterId}.pdf`, ...(token ? { token } : {}) };
    },
    expect: only({ student: [200, 404, 404, 404], coordinator: [200, 200, 404, 404], reviewer: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  // Public: anyone learns whether a code is genuine (an unknown code is a 200 saying so, not a 404).
  'GET /api/v1/verify/:code': {
    owned: true,
    build: async (f, caller, owner) => {
      const { code } = await letterFor(f, caller, owner);
      return { method: 'GET', url: `/api/v1/verify/${code}`, statusOf: (body) => ((body as { status: string }).status === 'valid' ? 200 : 404) };
    },
    expect: everyone([200, 200, 200, 404]),
  },
};
