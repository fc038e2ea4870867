/**
 * A PSU student's mobility to BUAS through HTTP: the partner's yes opens it, the host admits the
 * student (letter, checklist), confirms the arrival and records the return; the tenant rule and
 * the refusals hold on the way.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications } from '@exchange/db';
import { problemOf } from '../../test/helper.js';
import { nominationsFixture } from '../../test/fixtures/nominations.js';

const { f } = nominationsFixture();
const student = 'student1@psu.exchange.test';

async function approvedMobility() {
  const { t, tokens } = f;
  const created = await t.request({
    method: 'POST',
    url: '/api/v1/nominations',
    token: tokens.psu,
    payload: { applicationId: f.ids[student], quotaId: f.toBuas },
  });
  expect(created.statusCode).toBe(201);
  const approved = await t.request({
    method: 'POST',
    url: `/api/v1/nominations/${created.json().id}/approve`,
    token: tokens.buas,
    payload: { proposalId: created.json().proposalId },
  });
  expect(approved.statusCode).toBe(200);
  const incoming = (await t.request({ method: 'GET', url: '/api/v1/mobilities?direction=incoming', token: tokens.buas })).json();
  return { nominationId: created.json().id as string, mobility: incoming.items.find((m: { nominationId: string }) => m.nominationId === created.json().id) };
}

describe('a mobility from approval to return', () => {
  let id = '';
  let nominationId = '';

  it('is opened by the partner’s approval and seen by the student and both offices only', async () => {
    const { t, tokens } = f;
    const opened = await approvedMobility();
    expect(opened.mobility).toMatchObject({ status: 'preparing', sendingInstitutionId: f.psu, receivingInstitutionId: f.buas, academicYear: '2025/2026' });
    id = opened.mobility.id;
    nominationId = opened.nominationId;
    const own = (await t.request({ method: 'GET', url: '/api/v1/mobilities', token: tokens[student] })).json();
    expect(own.items.map((m: { id: string }) => m.id)).toEqual([id]);
    const outgoing = (await t.request({ method: 'GET', url: '/api/v1/mobilities?direction=outgoing', token: tokens.psu })).json();
    expect(outgoing.items.map((m: { id: string }) => m.id)).toContain(id);
    // A third institution and another student: exactly as if it did not exist.
    expect((await t.request({ method: 'GET', url: `/api/v1/mobilities/${id}`, token: tokens.bri })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/mobilities/${id}`, token: tokens['student2@psu.exchange.test'] })).statusCode).toBe(404);
    const bri = (await t.request({ method: 'GET', url: '/api/v1/mobilities', token: tokens.bri })).json();
    expect(bri.items.map((m: { id: string }) => m.id)).not.toContain(id);
  });

  it('shows the host the border data, and puts each of its reads in the audit log', async () => {
    const { t, tokens } = f;
    const host = (await t.request({ method: 'GET', url: `/api/v1/mobilities/${id}`, token: tokens.buas })).json();
    expect(host.student).toMatchObject({ fullNameLatin: 'Student A', passportNumber: '75 12345670', passportExpiresOn: '2031-05-01', citizenship: 'RU' });
    await t.request({ method: 'GET', url: `/api/v1/mobilities/${id}`, token: tokens.psu });
    const audit = (await t.request({ method: 'GET', url: `/api/v1/audit?entityId=${id}&limit=100`, token: tokens.admin })).json();
    const reads = audit.items.filter((entry: { action: string }) => entry.action === 'mobility.identity_read');
    expect(reads).toHaveLength(1);
  });

  it('refuses an arrival before admission, and admission by the sending side', async () => {
    const { t, tokens } = f;
    const early = await t.request({ method: 'POST', url: `/api/v1/mobilities/${id}/arrival`, token: tokens.buas, payload: { date: '2026-09-01' } });
    expect(early.statusCode).toBe(409);
    expect(problemOf(early).code).toBe('not_admitted');
    const wrongSide = await t.request({
      method: 'POST',
      url: `/api/v1/mobilities/${id}/admission`,
      token: tokens.psu,
      payload: { plannedStart: '2026-09-01', plannedEnd: '2026-12-20', programme: 'Chinese language' },
    });
    expect(wrongSide.statusCode).toBe(403);
  });

  it('refuses dates outside the agreement, a passport expiring too soon and more months than the line has', async () => {
    const { t, tokens } = f;
    const admit = (payload: object) =>
      t.request({ method: 'POST', url: `/api/v1/mobilities/${id}/admission`, token: tokens.buas, payload: { programme: 'Chinese language', ...payload } });
    const outside = await admit({ plannedStart: '2026-09-01', plannedEnd: '2027-06-30' });
    expect(outside.statusCode).toBe(422);
    expect(problemOf(outside).code).toBe('outside_agreement');
    // The passport was renewed too late for this stay (set in the database: the submitted application is frozen).
    const application = eq(applications.id, f.ids[student]!);
    await t.database.db.update(applications).set({ passportExpiresOn: '2026-12-20' }).where(application);
    const expiring = await admit({ plannedStart: '2026-09-01', plannedEnd: '2026-12-20' });
    expect(problemOf(expiring)).toMatchObject({ status: 422, code: 'passport_expires' });
    await t.database.db.update(applications).set({ passportExpiresOn: '2031-05-01' }).where(application);
    await t.request({ method: 'PATCH', url: `/api/v1/quotas/${f.toBuas}`, token: tokens.admin, payload: { totalMonths: 2 } });
    const tooLong = await admit({ plannedStart: '2026-09-01', plannedEnd: '2026-12-20' });
    expect(tooLong.statusCode).toBe(422);
    expect(problemOf(tooLong)).toMatchObject({ code: 'months_exceeded', totalMonths: 2, needed: 4 });
    await t.request({ method: 'PATCH', url: `/api/v1/quotas/${f.toBuas}`, token: tokens.admin, payload: { totalMonths: 20 } });
    const still = (await t.request({ method: 'GET', url: `/api/v1/mobilities/${id}`, token: tokens.psu })).json();
    expect(still).toMatchObject({ plannedStart: null, letters: [], checklist: [] });
  });

  it('admits the student with a letter and a checklist, once', async () => {
    const { t, tokens } = f;
    const before = (await t.request({ method: 'GET', url: `/api/v1/mobilities/${id}`, token: tokens.buas })).json();
    const admitted = await t.request({
      method: 'POST',
      url: `/api/v1/mobilities/${id}/admission`,
      token: tokens.buas,
      payload: {
        version: before.version,
        plannedStart: '2026-09-01',
        plannedEnd: '2026-12-20',
        programme: 'Chinese language',
        requestedDocuments: ['Health certificate'],
      },
    });
    expect(admitted.statusCode).toBe(200);
    const body = admitted.json();
    // The list counts the same overdue steps as the mobility's page (the host's today decides both).
    const overdueSteps = body.checklist.filter((item: { overdue: boolean }) => item.overdue).length;
    expect(overdueSteps).toBeGreaterThan(0);
    const listed = (await t.request({ method: 'GET', url: '/api/v1/mobilities?direction=outgoing&limit=100', token: tokens.psu })).json();
    expect(listed.items.find((item: { id: string }) => item.id === id).overdue).toBe(overdueSteps);
    expect(body).toMatchObject({ plannedStart: '2026-09-01', plannedEnd: '2026-12-20', months: 4 });
    expect(body.letters).toHaveLength(1);
    const told = (await t.request({ method: 'GET', url: '/api/v1/notifications', token: tokens[student] })).json();
    expect(told.items.map((n: { kind: string }) => n.kind)).toContain('mobility.admitted');
    // BUAS's template (China) with the document it asked for: the visa is due two weeks before the start.
    expect(body.checklist.find((item: { key: string }) => item.key === 'visa')).toMatchObject({ owner: 'student', dueOn: '2026-08-18', status: 'open' });
    expect(body.checklist.find((item: { key: string }) => item.key === 'police-registration').dueOn).toBeNull();
    // The list row names the open steps, so the office sees the visa stage without opening the mobility.
    const row = (await t.request({ method: 'GET', url: '/api/v1/mobilities?direction=incoming', token: tokens.buas }))
      .json()
      .items.find((m: { id: string }) => m.id === id);
    expect(row.openSteps).toEqual(expect.arrayContaining(['visa', 'police-registration']));
    expect(row.openSteps).not.toContain('residence-permit');
    expect(body.checklist.map((item: { key: string }) => item.key)).not.toContain('residence-permit');
    expect(body.checklist.find((item: { key: string }) => item.key === 'document-1')).toMatchObject({
      owner: 'student',
      requiresProof: true,
      dueOn: '2026-08-18',
    });
    const verified = (await t.request({ method: 'GET', url: `/api/v1/verify/${body.letters[0].code.toLowerCase()}` })).json();
    expect(verified).toMatchObject({ status: 'valid', fullNameLatin: 'Student A', plannedStart: '2026-09-01' });
    expect(JSON.stringify(verified)).not.toContain('75 12345670');
    expect((await t.request({ method: 'GET', url: '/api/v1/verify/AAAA-BBBB-CCCC' })).json().status).toBe('unknown');

    const twice = await t.request({
      method: 'POST',
      url: `/api/v1/mobilities/${id}/admission`,
      token: tokens.buas,
      payload: { plannedStart: '2026-09-01', plannedEnd: '2026-12-20', programme: 'x' },
    });
    expect(twice.statusCode).toBe(409);
    const stale = await t.request({
      method: 'POST',
      url: `/api/v1/mobilities/${id}/funding`,
      token: tokens.psu,
      payload: { version: before.version, funding: null },
    });
    expect(problemOf(stale).code).toBe('stale_version');
  });

  it('takes no approval back once the student is admitted', async () => {
    const { t, tokens } = f;
    const proposalId = (await t.request({ method: 'GET', url: `/api/v1/nominations/${nominationId}`, token: tokens.buas })).json().proposalId;
    const undo = await t.request({ method: 'POST', url: `/api/v1/nominations/${nominationId}/undo-approval`, token: tokens.buas, payload: { proposalId } });
    expect(problemOf(undo).code).toBe('mobility_under_way');
  });

  it('confirms the arrival, refuses a departure before it, records the return', async () => {
    const { t, tokens } = f;
    f.now = new Date('2026-12-02T08:00:00Z');
    const arrived = await t.request({ method: 'POST', url: `/api/v1/mobilities/${id}/arrival`, token: tokens.buas, payload: { date: '2026-09-03' } });
    expect(arrived.json()).toMatchObject({ status: 'abroad', arrivedOn: '2026-09-03' });
    // Police registration within 24 hours of the arrival.
    expect(arrived.json().checklist.find((item: { key: string }) => item.key === 'police-registration').dueOn).toBe('2026-09-04');
    const again = await t.request({ method: 'POST', url: `/api/v1/mobilities/${id}/arrival`, token: tokens.buas, payload: { date: '2026-09-03' } });
    expect(problemOf(again).code).toBe('already_arrived');
    const cancel = await t.request({ method: 'POST', url: `/api/v1/mobilities/${id}/cancel`, token: tokens.psu, payload: { reason: 'Changed plans' } });
    expect(problemOf(cancel).code).toBe('mobility_under_way');
    const backwards = await t.request({ method: 'POST', url: `/api/v1/mobilities/${id}/departure`, token: tokens.buas, payload: { date: '2026-09-01' } });
    expect(problemOf(backwards).code).toBe('departure_before_arrival');
    const future = await t.request({ method: 'POST', url: `/api/v1/mobilities/${id}/departure`, token: tokens.buas, payload: { date: '2026-12-20' } });
    expect(problemOf(future).code).toBe('date_in_future');
    const interrupted = await t.request({
      method: 'POST',
      url: `/api/v1/mobilities/${id}/departure`,
      token: tokens.buas,
      payload: { date: '2026-11-20', interrupted: true },
    });
    expect(interrupted.statusCode).toBe(400);
    const back = await t.request({
      method: 'POST',
      url: `/api/v1/mobilities/${id}/departure`,
      token: tokens.buas,
      payload: { date: '2026-11-20', interrupted: true, reason: 'Family emergency' },
    });
    expect(back.json()).toMatchObject({ status: 'returned', departedOn: '2026-11-20', interrupted: true, months: 3 });
  });
});

describe('a mobility cancelled before departure', () => {
  it('cancels the nomination and frees the seat', async () => {
    const { t, tokens } = f;
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/nominations',
      token: tokens.psu,
      payload: { applicationId: f.ids['student2@psu.exchange.test'], quotaId: f.toBri },
    });
    await t.request({
      method: 'POST',
      url: `/api/v1/nominations/${created.json().id}/approve`,
      token: tokens.bri,
      payload: { proposalId: created.json().proposalId },
    });
    const incoming = (await t.request({ method: 'GET', url: '/api/v1/mobilities?direction=incoming', token: tokens.bri })).json().items;
    const mobility = incoming.find((m: { nominationId: string }) => m.nominationId === created.json().id);
    const byHost = await t.request({ method: 'POST', url: `/api/v1/mobilities/${mobility.id}/cancel`, token: tokens.bri, payload: { reason: 'No' } });
    expect(byHost.statusCode).toBe(403);
    const cancelled = await t.request({
      method: 'POST',
      url: `/api/v1/mobilities/${mobility.id}/cancel`,
      token: tokens.psu,
      payload: { reason: 'The student withdrew' },
    });
    expect(cancelled.json().status).toBe('cancelled');
    const nomination = (await t.request({ method: 'GET', url: `/api/v1/nominations/${created.json().id}`, token: tokens.psu })).json();
    expect(nomination.status).toBe('cancelled');
    const line = (await t.request({ method: 'GET', url: `/api/v1/quotas/${f.toBri}`, token: tokens.psu })).json();
    expect(line.used).toBe(0);
    const touched = await t.request({ method: 'POST', url: `/api/v1/mobilities/${mobility.id}/funding`, token: tokens.psu, payload: { funding: null } });
    expect(problemOf(touched).code).toBe('mobility_cancelled');
  });
});
