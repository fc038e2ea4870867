/**
 * The fuzz suite's generators (hostile strings, numbers, random JSON, a valid body with fields
 * replaced, added or removed) and a valid body and target for each write endpoint.
 */
import fc from 'fast-check';
import { consentVersion } from '@exchange/shared';
import { demoPassword } from '@exchange/db';
import type { Fixtures } from './fixtures/security.js';
import type { TestContext } from './helper.js';
import { mobilityTargetFor } from './fuzz-targets-mobility.js';
import { planTargetFor } from './fuzz-targets-plan.js';

const hostile = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\u202Eevil',
  '😀'.repeat(300),
  'x'.repeat(10_001),
  "' or 1=1 --",
  '<script>alert(1)</script>',
  '=1+1',
  '__proto__',
  '00000000-0000-4000-8000-000000000000',
  '2026-02-30T25:61:00Z',
  '9999-12-31T23:59:59Z',
  '-1',
  '1e309',
  'NaN',
);
const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 0, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, 0.001));
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: hostile },
  { weight: 2, arbitrary: number },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 50 }) },
  { weight: 1, arbitrary: fc.array(hostile, { maxLength: 3 }) },
);

/** Bodies around a valid one: the valid body with fields replaced, removed or added, or anything at all. */
export function bodies(base: Record<string, unknown>) {
  const keys = Object.keys(base);
  const key = fc.oneof(
    keys.length ? fc.constantFrom(...keys) : fc.constant('x'),
    fc.constantFrom('__proto__', 'constructor', 'status', 'role', 'institutionId', 'used', 'passwordHash', 'id'),
    fc.string({ maxLength: 10 }),
  );
  const mutated = fc.tuple(fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 4 }), fc.subarray(keys)).map(([changes, removed]) => {
    const body: Record<string, unknown> = { ...base };
    for (const name of removed) delete body[name];
    for (const [name, inner] of changes) Object.defineProperty(body, name, { value: inner, enumerable: true, configurable: true, writable: true });
    return JSON.stringify(body);
  });
  return fc.oneof(
    { weight: 6, arbitrary: mutated },
    { weight: 2, arbitrary: value.map((inner) => JSON.stringify(inner)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  );
}

type Target = { email: string | null; url: string; base: Record<string, unknown> };

/** A valid body and a target for each write endpoint, for a caller the route admits. */
export async function targetFor(t: TestContext, f: Fixtures, method: string, url: string, access: unknown): Promise<Target> {
  const student = async () => (await f.student('PSU')).email;
  const coordinator = 'coordinator@psu.exchange.test';
  const admin = 'admin@exchange.test';
  const draft = async () => f.application(await student(), 'draft');
  const line = await f.line('PSU', 'BUAS');
  const localized = { en: 'T', ru: 'Т', zh: '题' };
  const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const key = `${method} ${url}`;
  const mobilityTarget = await mobilityTargetFor(t, f, key, url);
  if (mobilityTarget) return mobilityTarget;
  const planTarget = await planTargetFor(t, f, key, url);
  if (planTarget) return planTarget;
  switch (key) {
    case 'POST /api/v1/auth/login':
      return { email: null, url, base: { email: 'student5@psu.exchange.test', password: demoPassword } };
    case 'POST /api/v1/auth/register':
      return {
        email: null,
        url,
        base: {
          email: 'fuzz@example.test',
          password: 'Penza-Baoji-2026-x',
          fullName: 'F',
          institutionId: f.institution.PSU,
          consent: { version: consentVersion },
        },
      };
    case 'POST /api/v1/me/password':
      return { email: await student(), url, base: { currentPassword: demoPassword, newPassword: 'Penza-Baoji-2026-x' } };
    case 'PATCH /api/v1/me':
      return { email: await student(), url, base: { fullName: 'N', locale: 'ru' } };
    case 'POST /api/v1/users':
      return {
        email: admin,
        url,
        base: { email: 'u@example.test', fullName: 'U', role: 'student', institutionId: f.institution.PSU, password: 'Penza-Baoji-2026-x' },
      };
    case 'PATCH /api/v1/users/:id':
      return {
        email: coordinator,
        url: url.replace(':id', (await f.student('PSU', 'pending')).id),
        base: { status: 'active', fullName: 'V', locale: 'zh' },
      };
    case 'POST /api/v1/agreements':
      return {
        email: admin,
        url,
        base: { title: localized, partyIds: [f.institution.PSU, f.institution.BRI], validFrom: '2026-01-01', validTo: '2027-01-01' },
      };
    case 'PATCH /api/v1/agreements/:id': {
      const [row] = await t.database.rows<{ id: string }>('select id from agreements limit 1');
      return { email: admin, url: url.replace(':id', row!.id), base: { status: 'active', signedOn: '2024-04-26' } };
    }
    case 'POST /api/v1/quotas':
      return {
        email: admin,
        url,
        base: {
          agreementId: line.agreementId,
          sendingInstitutionId: f.institution.BRI,
          receivingInstitutionId: f.institution.BUAS,
          academicYear: '2040/2041',
          mobilityType: 'semester',
          seats: 1,
          eqfLevels: [6],
        },
      };
    case 'PATCH /api/v1/quotas/:id':
      return { email: admin, url: url.replace(':id', line.id), base: { seats: line.seats + 5, eqfLevels: [6, 7] } };
    case 'POST /api/v1/calls':
      return {
        email: coordinator,
        url,
        base: {
          title: localized,
          academicYear: '2026/2027',
          mobilityType: 'semester',
          opensAt: soon(1),
          closesAt: soon(30),
          quotaIds: [line.id],
        },
      };
    case 'PATCH /api/v1/calls/:id':
      return { email: coordinator, url: url.replace(':id', (await f.call('PSU')).id), base: { maxPreferences: 2, minGpa: 4 } };
    case 'POST /api/v1/applications': {
      const email = await student();
      return { email, url, base: { callId: (await f.call('PSU')).id } };
    }
    case 'PATCH /api/v1/applications/:id': {
      const made = await draft();
      return {
        email: null,
        url: url.replace(':id', made.id),
        base: {
          motivation: 'M',
          gpa: 4.2,
          preferences: [{ quotaId: made.lineId, rank: 1 }],
          languageCertificates: [{ language: 'zh', test: 'HSK', level: '4', date: '2025-06-01' }],
        },
      };
    }
    case 'POST /api/v1/applications/:id/review':
      return {
        email: coordinator,
        url: url.replace(':id', (await f.application(await student(), 'submitted')).id),
        base: { score: 50.5, eligible: false, comment: 'c' },
      };
    case 'POST /api/v1/calls/:id/allocation/confirm':
      return {
        email: coordinator,
        url: url.replace(':id', (await f.application(await student(), 'reviewed')).callId),
        base: { fingerprint: 'f' },
      };
    case 'POST /api/v1/nominations': {
      const made = await f.application(await student(), 'reviewed');
      return { email: coordinator, url, base: { applicationId: made.id, quotaId: made.lineId } };
    }
    case 'POST /api/v1/nominations/approve': {
      const made = await f.nomination('BUAS', 'PSU');
      return { email: coordinator, url, base: { items: [{ id: made.id, proposalId: made.proposalId }] } };
    }
    case 'PATCH /api/v1/nominations/:id':
      return { email: coordinator, url: url.replace(':id', (await f.nomination('PSU', 'BUAS')).id), base: { note: 'n' } };
    case 'POST /api/v1/nominations/:id/approve': {
      const made = await f.nomination('BUAS', 'PSU');
      return { email: coordinator, url: url.replace(':id', made.id), base: { proposalId: made.proposalId } };
    }
    case 'POST /api/v1/nominations/:id/reject': {
      const made = await f.nomination('BUAS', 'PSU');
      return { email: coordinator, url: url.replace(':id', made.id), base: { proposalId: made.proposalId, comment: 'r' } };
    }
    case 'POST /api/v1/centres':
      return { email: admin, url, base: { institutionId: f.institution.BRI, name: localized } };
    case 'POST /api/v1/events':
      return {
        email: coordinator,
        url,
        base: {
          centreId: await f.centreOf('PSU'),
          title: localized,
          startsAt: soon(5),
          endsAt: soon(6),
          venue: 'V',
          capacity: 3,
          timeZone: 'Asia/Shanghai',
          onlineUrl: 'https://example.test/x',
          audience: { institutionIds: [f.institution.PSU] },
        },
      };
    case 'PATCH /api/v1/events/:id':
      return {
        email: coordinator,
        url: url.replace(':id', (await f.event('PSU')).id),
        base: { capacity: 4, venue: 'W', registrationOpensAt: soon(-1), registrationClosesAt: soon(2) },
      };
    case 'POST /api/v1/events/:id/check-in': {
      const event = await f.event('PSU');
      const made = await f.registration(event.id, await student());
      return { email: coordinator, url: url.replace(':id', event.id), base: { code: made.code } };
    }
    case 'POST /api/v1/me/calendar-feed':
      return { email: await student(), url, base: { rotate: true } };
  }
  // Routes whose body is empty: fill the ids with fixtures of a caller the route admits.
  const roles = Array.isArray(access) ? (access as string[]) : [];
  const email = access === 'public' ? null : roles.includes('student') || !roles.length ? await student() : roles.includes('coordinator') ? coordinator : admin;
  let filled = url;
  if (url.includes('/applications/:id')) {
    const made =
      email && roles.includes('student')
        ? await f.application(email, url.endsWith('withdraw') ? 'submitted' : 'draft')
        : await f.application(await student(), 'submitted');
    filled = filled.replace(':id', made.id).replace(':docId', made.docId);
  } else if (url.includes('/nominations/:id')) filled = filled.replace(':id', (await f.nomination('PSU', 'BUAS')).id);
  else if (url.includes('/calls/:id')) filled = filled.replace(':id', (await f.application(await student(), 'reviewed')).callId);
  else if (url.includes('/events/:id')) {
    const event = await f.event('PSU');
    filled = filled.replace(':id', event.id);
    if (url.includes(':regId')) filled = filled.replace(':regId', (await f.registration(event.id, await student())).id);
  } else if (url.includes('/notifications/:id')) filled = filled.replace(':id', await f.notification(email ?? 'student2@psu.exchange.test'));
  return { email, url: filled, base: {} };
}
