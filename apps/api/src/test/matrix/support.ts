/**
 * The authorization matrix: every API route × every role × the ownership of the object it
 * touches → the status the caller gets. Each area's table lives in a module
 * of this folder and is driven cell by cell through HTTP by its own test file
 * (`security/authorization-matrix-<area>.test.ts`), on a fresh fixture per cell, so no cell
 * depends on another. `security/authorization-matrix.test.ts` fails for a route that has no
 * row in any area.
 *
 * Callers: anonymous; student = student1@psu; coordinator = coordinator@psu; reviewer =
 * reviewer@buas; admin (its "home" for the fixtures is PSU). Ownership is relative to the
 * caller ("home" = the caller's institution):
 *   own   – the caller's own object (a student's own application, one's own account or
 *           notification; for institution staff, an object of the home institution);
 *   same  – an object of someone else at the home institution;
 *   other – an object of another institution (for nominations: between two other parties);
 *   missing – an id that does not exist.
 * Where a route reads ownership differently, its row says how. A forbidden object answers
 * 404 exactly as a missing one (the tenant rule); a forbidden role answers 403.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { agreements } from '@exchange/db';
import { clientIpHeader, clientSignatureHeader, signClientAddress } from '../../plugins/client-address.js';
import { createTestContext, type TestContext } from '../helper.js';
import { codes, createFixtures, missingId, type Code, type Fixtures } from '../fixtures/security.js';

/** The app, fixtures and demo agreement of the test file that uses the matrix (set in its `beforeAll`). */
export const env = {
  t: undefined as unknown as TestContext,
  f: undefined as unknown as Fixtures,
  agreementId: '',
};

export const roles = ['anonymous', 'student', 'coordinator', 'reviewer', 'admin'] as const;
export type Role = (typeof roles)[number];
export const owners = ['own', 'same', 'other', 'missing'] as const;
export type Owner = (typeof owners)[number];

export type Caller = { role: Role; email: string | null; home: Code };
export const callers: Record<Role, Caller> = {
  anonymous: { role: 'anonymous', email: null, home: 'PSU' },
  student: { role: 'student', email: 'student1@psu.exchange.test', home: 'PSU' },
  coordinator: { role: 'coordinator', email: 'coordinator@psu.exchange.test', home: 'PSU' },
  reviewer: { role: 'reviewer', email: 'reviewer@buas.exchange.test', home: 'BUAS' },
  admin: { role: 'admin', email: 'admin@exchange.test', home: 'PSU' },
};
export const otherOf = (home: Code): Code => (home === 'PSU' ? 'BUAS' : 'PSU');
export const thirdOf = (home: Code): Code => codes.find((code) => code !== home && code !== otherOf(home))!;

export type Request = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** Send with this token instead of the caller's (e.g. a fresh session the request ends). */
  token?: string;
  /** The status to compare, when the answer carries per-item statuses. */
  statusOf?: (body: unknown) => number;
};
export type Build = (f: Fixtures, caller: Caller, owner: Owner) => Promise<Request>;
/** A status for every ownership, or one per ownership in the order own, same, other, missing. */
export type Cell = number | readonly [number, number, number, number];
export type Row = {
  owned: boolean;
  build: Build;
  expect: Record<Role, Cell>;
  /** The request ends sessions: sign in afresh afterwards. */ revokes?: boolean;
};

// ——— helpers for the rows ———

/** Roles the route does not admit: 401 anonymous, 403 signed in. */
export const only = (allowed: Partial<Record<Role, Cell>>): Record<Role, Cell> => ({
  anonymous: allowed.anonymous ?? 401,
  student: allowed.student ?? 403,
  coordinator: allowed.coordinator ?? 403,
  reviewer: allowed.reviewer ?? 403,
  admin: allowed.admin ?? 403,
});
export const everyone = (cell: Cell): Record<Role, Cell> => ({
  anonymous: cell,
  student: cell,
  coordinator: cell,
  reviewer: cell,
  admin: cell,
});
export const signedIn = (cell: Cell): Record<Role, Cell> => ({ ...everyone(cell), anonymous: 401 });
export const get = (url: string): Request => ({ method: 'GET', url });

/** The institution an ownership points at. */
export const institutionFor = (caller: Caller, owner: Owner): Code => (owner === 'other' ? otherOf(caller.home) : caller.home);

/** A student whose objects have the given ownership for the caller. */
export async function studentFor(f: Fixtures, caller: Caller, owner: Owner): Promise<string> {
  if (owner === 'own' && caller.role === 'student') return caller.email!;
  return (await f.student(institutionFor(caller, owner))).email;
}

export async function applicationFor(f: Fixtures, caller: Caller, owner: Owner, status: 'draft' | 'submitted' | 'reviewed') {
  if (owner === 'missing') return { id: missingId, docId: missingId, callId: missingId, lineId: missingId };
  return f.application(await studentFor(f, caller, owner), status);
}

/** Nominations: own = outgoing from home, same = incoming to home, other = between the two other parties. */
export async function nominationFor(f: Fixtures, caller: Caller, owner: Owner) {
  const home = caller.home;
  if (owner === 'missing') return { id: missingId, proposalId: randomUUID(), docId: missingId };
  if (owner === 'own') return f.nomination(home, otherOf(home));
  if (owner === 'same') return f.nomination(otherOf(home), home);
  return f.nomination(otherOf(home), thirdOf(home));
}

/** Events: own = a draft at a centre of home, same = a published event there, other = a draft at another institution's centre. */
export async function eventFor(f: Fixtures, caller: Caller, owner: Owner) {
  if (owner === 'missing') return { id: missingId, centreId: missingId };
  if (owner === 'own') return f.event(caller.home, 'draft');
  if (owner === 'same') return f.event(caller.home, 'published');
  return f.event(otherOf(caller.home), 'draft');
}

/** A published event with one registration: at home for own and same, elsewhere for other. */
export async function registrationFor(f: Fixtures, caller: Caller, owner: Owner) {
  if (owner === 'missing') {
    const event = await f.event(caller.home);
    return { eventId: event.id, id: missingId, code: randomBytes(16).toString('base64url') };
  }
  const event = await f.event(institutionFor(caller, owner));
  const registrant = await f.student(institutionFor(caller, owner));
  const registration = await f.registration(event.id, registrant.email);
  return { eventId: event.id, ...registration };
}

export const quotaFor = async (f: Fixtures, caller: Caller, owner: Owner) => {
  if (owner === 'missing') return missingId;
  const home = caller.home;
  const [from, to] = owner === 'own' ? [home, otherOf(home)] : owner === 'same' ? [otherOf(home), home] : [otherOf(home), thirdOf(home)];
  return (await f.line(from, to)).id;
};

export const callFor = async (f: Fixtures, caller: Caller, owner: Owner, options: { closed?: boolean } = {}) =>
  owner === 'missing' ? missingId : (await f.call(institutionFor(caller, owner), options)).id;

export const centreFor = async (f: Fixtures, caller: Caller, owner: Owner) => (owner === 'missing' ? missingId : f.centreOf(institutionFor(caller, owner)));

export const clientAddress = (address: string) => ({
  [clientIpHeader]: address,
  [clientSignatureHeader]: signClientAddress(env.t.jwtSecret, address),
});
export const agreementFor = async (_f: Fixtures, _caller: Caller, owner: Owner) => (owner === 'missing' ? missingId : env.agreementId);

export const localized = (text: string) => ({ en: text, ru: text, zh: text });
export const eventBody = (centreId: string) => ({
  centreId,
  title: localized('Tea ceremony'),
  startsAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
  endsAt: new Date(Date.now() + 14 * 86_400_000 + 3_600_000).toISOString(),
  venue: 'Room 5',
  capacity: 20,
});

/** A fresh session of the caller, for requests that end it. */
export async function freshToken(f: Fixtures, caller: Caller) {
  return caller.email ? env.t.login(caller.email) : undefined;
}

export async function userFor(f: Fixtures, caller: Caller, owner: Owner) {
  if (owner === 'missing') return missingId;
  if (owner === 'own' && caller.email) return f.userId(caller.email);
  return (await f.student(institutionFor(caller, owner))).id;
}

// ——— the run ———

/** Call at the top of a matrix test file: a fresh app and fixtures for its cells. */
export function useMatrix() {
  beforeAll(async () => {
    env.t = await createTestContext();
    env.f = await createFixtures(env.t);
    const [row] = await env.t.database.db.select({ id: agreements.id }).from(agreements).limit(1);
    env.agreementId = row!.id;
  }, 120_000);
  afterAll(() => env.t?.close());
}

export type Table = Record<string, Row>;

export function cellCount(table: Table) {
  return Object.values(table).reduce((sum, row) => sum + roles.length * (row.owned ? owners.length : 1), 0);
}

/** Drives every cell of the table and asserts its status (and problem+json for errors). */
export async function expectCells(table: Table) {
  const { t, f } = env;
  const failures: string[] = [];
  let cells = 0;
  for (const [key, row] of Object.entries(table)) {
    for (const role of roles) {
      const caller = callers[role];
      for (const owner of row.owned ? owners : (['own'] as const)) {
        const cell = row.expect[role];
        const expected = typeof cell === 'number' ? cell : cell[owners.indexOf(owner)]!;
        let request: Request;
        try {
          request = await row.build(f, caller, owner);
        } catch (error) {
          failures.push(`${key} ${role} ${owner}: fixture failed: ${(error as Error).message}`);
          continue;
        }
        const token = request.token ?? (caller.email ? await f.token(caller.email) : undefined);
        const response = await t.request({
          method: request.method,
          url: request.url,
          ...(request.payload !== undefined ? { payload: request.payload as string } : {}),
          ...(request.headers ? { headers: request.headers } : {}),
          ...(token ? { token } : {}),
        });
        cells++;
        let status = response.statusCode;
        if (request.statusOf && status === 200) status = request.statusOf(response.json());
        if (status !== expected) {
          failures.push(`${key} ${role} ${row.owned ? owner : ''}: expected ${expected}, got ${status} ${response.body.slice(0, 160)}`);
        }
        if (response.statusCode >= 400) {
          expect(String(response.headers['content-type']), `${key} ${role} ${owner}`).toMatch(/^application\/problem\+json/);
        }
      }
      if (row.revokes && caller.email) f.forget(caller.email);
    }
  }
  expect(failures).toEqual([]);
  expect(cells).toBe(cellCount(table));
}
