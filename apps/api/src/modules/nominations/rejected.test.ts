import { eq } from 'drizzle-orm';
import { mailOutbox } from '@exchange/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, multipart, problemOf, sampleFiles, type TestContext } from '../../test/helper.js';

/**
 * After a partner rejects a nominee, the next allocation round offers that student their next
 * choice that has a seat (never that partner again) or the waiting list, and gives the freed
 * seat to the waiting list.
 */
let now = new Date();
let t: TestContext;
let callId: string;
let toBuas: string;
let toBri: string;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};
const [a, b, c, d] = ['student1@psu.exchange.test', 'student2@psu.exchange.test', 'student3@psu.exchange.test', 'student4@psu.exchange.test'];

type Outcome = { applicationId: string; placed: { quotaId: string; rank: number } | null; reason: { en: string; ru: string; zh: string } };

beforeAll(async () => {
  t = await createTestContext({ clock: () => now });
  const [psu, buas, bri] = [await t.institutionId('PSU'), await t.institutionId('BUAS'), await t.institutionId('BRI')];
  tokens.psu = await t.login('coordinator@psu.exchange.test');
  tokens.buas = await t.login('coordinator@buas.exchange.test');
  tokens.bri = await t.login('coordinator@bri.exchange.test');
  const admin = await t.login('admin@exchange.test');
  const agreementId = (await t.request({ method: 'GET', url: '/api/v1/agreements', token: tokens.psu })).json().items[0].id;
  const lines = (await t.request({ method: 'GET', url: `/api/v1/agreements/${agreementId}/quotas?academicYear=2025/2026`, token: tokens.psu })).json().items;
  const line = (to: string) =>
    lines.find(
      (l: { sendingInstitutionId: string; receivingInstitutionId: string; mobilityType: string }) =>
        l.sendingInstitutionId === psu && l.receivingInstitutionId === to && l.mobilityType === 'semester',
    ).id;
  [toBuas, toBri] = [line(buas), line(bri)];
  await t.request({ method: 'PATCH', url: `/api/v1/quotas/${toBuas}`, token: admin, payload: { seats: 2 } });
  await t.request({ method: 'PATCH', url: `/api/v1/quotas/${toBri}`, token: admin, payload: { seats: 1 } });

  const closesAt = new Date(Date.now() + 24 * 3600_000);
  const call = await t.request({
    method: 'POST',
    url: '/api/v1/calls',
    token: tokens.psu,
    payload: {
      title: { en: 'Second round', ru: 'Второй тур', zh: '第二轮' },
      academicYear: '2025/2026',
      mobilityType: 'semester',
      opensAt: new Date(Date.now() - 3600_000).toISOString(),
      closesAt: closesAt.toISOString(),
      maxPreferences: 2,
      requiredDocuments: ['transcript'],
      quotaIds: [toBuas, toBri],
      status: 'published',
    },
  });
  callId = call.json().id;
  // What the border needs, which submission requires (the lines to China ask for HSK).
  const borderIdentity = (email: string) => ({
    fullNameLatin: `Student ${'ABCD'[Number(email[7]) - 1]}`,
    passportNumber: `75 123456${email[7]}`,
    studyLevel: 6,
    fieldOfStudy: '0716',
    languageCertificates: [{ language: 'zh', test: 'HSK', level: '4', date: '2025-06-01' }],
  });
  const applicants = [
    { email: a, score: 90, preferences: [toBri, toBuas] },
    { email: b, score: 80, preferences: [toBuas, toBri] },
    { email: c, score: 70, preferences: [toBri] },
    { email: d, score: 60, preferences: [toBuas] },
  ];
  for (const applicant of applicants) {
    const token = await t.login(applicant.email);
    tokens[applicant.email] = token;
    const draft = (await t.request({ method: 'POST', url: '/api/v1/applications', token, payload: { callId } })).json();
    ids[applicant.email] = draft.id;
    await t.request({
      method: 'PATCH',
      url: `/api/v1/applications/${draft.id}`,
      token,
      payload: {
        preferences: applicant.preferences.map((quotaId, rank) => ({ quotaId, rank: rank + 1 })),
        motivation: 'Motivated.',
        gpa: 4.5,
        ...borderIdentity(applicant.email),
      },
    });
    await t.request({
      method: 'POST',
      url: `/api/v1/applications/${draft.id}/documents`,
      token,
      ...multipart({ type: 'transcript' }, { name: 'transcript.pdf', content: sampleFiles.pdf }),
    });
    expect((await t.request({ method: 'POST', url: `/api/v1/applications/${draft.id}/submit`, token })).statusCode).toBe(200);
    await t.request({
      method: 'POST',
      url: `/api/v1/applications/${draft.id}/review`,
      token: tokens.psu,
      payload: { score: applicant.score, eligible: true },
    });
  }
  now = new Date(closesAt.getTime() + 60_000);
  // First round: a → BRI, b and d → BUAS, c waits for BRI.
  const dry = (await t.request({ method: 'POST', url: `/api/v1/calls/${callId}/allocation`, token: tokens.psu })).json();
  expect(
    (
      await t.request({
        method: 'POST',
        url: `/api/v1/calls/${callId}/allocation/confirm`,
        token: tokens.psu,
        payload: { fingerprint: dry.fingerprint },
      })
    ).json().nominationIds,
  ).toHaveLength(3);
  // Four students and two rounds of the allocation: slow on a shared machine.
}, 180_000);
afterAll(() => t?.close());

const dryRun = async () => {
  const response = await t.request({ method: 'POST', url: `/api/v1/calls/${callId}/allocation`, token: tokens.psu });
  expect(response.statusCode).toBe(200);
  const body = response.json() as { fingerprint: string; outcomes: Outcome[] };
  return { fingerprint: body.fingerprint, of: (email: string) => body.outcomes.find((outcome) => outcome.applicationId === ids[email]) };
};
const confirm = async (fingerprint: string) => {
  const response = await t.request({
    method: 'POST',
    url: `/api/v1/calls/${callId}/allocation/confirm`,
    token: tokens.psu,
    payload: { fingerprint },
  });
  expect(response.statusCode).toBe(200);
  return response.json() as { nominationIds: string[] };
};
const applicationOf = async (email: string) => (await t.request({ method: 'GET', url: `/api/v1/applications/${ids[email]}`, token: tokens[email] })).json();
const reject = async (partner: 'bri' | 'buas', email: string) => {
  const incoming = (await t.request({ method: 'GET', url: '/api/v1/nominations?direction=incoming&status=pending', token: tokens[partner] })).json().items;
  const nominee = incoming.find((n: { applicationId: string }) => n.applicationId === ids[email]);
  const response = await t.request({
    method: 'POST',
    url: `/api/v1/nominations/${nominee.id}/reject`,
    token: tokens[partner],
    payload: { proposalId: nominee.proposalId, comment: 'Our programme is full this term.' },
  });
  expect(response.statusCode).toBe(200);
};
const waitlistOf = async (quotaId: string) =>
  (await t.request({ method: 'GET', url: `/api/v1/calls/${callId}/waitlist?quotaId=${quotaId}`, token: tokens.psu }))
    .json()
    .items.map((entry: { applicationId: string }) => entry.applicationId);

describe('a nominee the partner rejected', () => {
  it('is told what happens next', async () => {
    await reject('bri', a);
    expect((await applicationOf(a)).status).toBe('declined');
    const [latest] = (await t.request({ method: 'GET', url: '/api/v1/notifications', token: tokens[a] })).json().items;
    expect(latest.kind).toBe('application.declined');
    // The e-mail, in the student's language, says what comes next as well as why.
    const mails = (await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, a))).filter((mail) =>
      mail.body.includes('Our programme is full this term.'),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).toMatch(/next choice that still has a place|следующий из ваших выборов|下一个仍有名额的志愿/);
  });

  it('is in the next dry run, never offered that partner again, and waits for the next choice; the freed seat goes to the waiting list', async () => {
    const { fingerprint, of } = await dryRun();
    expect(of(a)?.placed).toBeNull();
    expect(of(a)?.reason.en).toBe('Not placed: 1st choice BRI rejected the nomination; the other choice full; waitlisted 1st for BUAS.');
    expect(of(a)?.reason.ru).toContain('отклонил кандидатуру');
    expect(of(c)?.placed).toEqual({ quotaId: toBri, rank: 1 });

    await confirm(fingerprint);
    const application = await applicationOf(a);
    expect(application.status).toBe('waitlisted');
    expect(application.statusNote).toContain('1st choice BRI rejected the nomination');
    expect(application.history.at(-1)).toMatchObject({ from: 'declined', to: 'waitlisted' });
    const [latest] = (await t.request({ method: 'GET', url: '/api/v1/notifications', token: tokens[a] })).json().items;
    expect(latest.kind).toBe('application.waitlisted');
    expect((await applicationOf(c)).status).toBe('nominated');
    expect(await waitlistOf(toBuas)).toEqual([ids[a]]);
    expect(await waitlistOf(toBri)).toEqual([]);
  });

  it('is offered the next choice once it has a seat, with the reason; one rejected everywhere is not placed', async () => {
    await reject('buas', d);
    const { fingerprint, of } = await dryRun();
    expect(of(a)?.placed).toEqual({ quotaId: toBuas, rank: 2 });
    expect(of(a)?.reason.en).toBe('Placed at 2nd choice BUAS: 1st choice BRI rejected the nomination.');
    expect(of(a)?.reason.zh).toBe('录取于第2志愿BUAS；第1志愿BRI已拒绝该提名。');
    expect(of(d)?.reason.en).toBe('Not placed: 1st choice BUAS rejected the nomination; no other choice.');

    const { nominationIds } = await confirm(fingerprint);
    expect(nominationIds).toHaveLength(1);
    const application = await applicationOf(a);
    expect(application.status).toBe('nominated');
    expect(application.statusNote).toBe('Placed at 2nd choice BUAS: 1st choice BRI rejected the nomination.');
    const incoming = (await t.request({ method: 'GET', url: '/api/v1/nominations?direction=incoming&status=pending', token: tokens.buas })).json().items;
    expect(incoming.map((n: { applicationId: string }) => n.applicationId)).toContain(ids[a]);
    expect((await t.request({ method: 'GET', url: `/api/v1/quotas/${toBuas}`, token: tokens.psu })).json()).toMatchObject({
      seats: 2,
      used: 2,
    });
    expect((await applicationOf(d)).status).toBe('not_placed');
  });

  it('leaves nobody to allocate once everyone is placed or out of choices', async () => {
    const { fingerprint, of } = await dryRun();
    expect(of(a)).toBeUndefined();
    expect(of(d)).toBeUndefined();
    const stale = await t.request({
      method: 'POST',
      url: `/api/v1/calls/${callId}/allocation/confirm`,
      token: tokens.psu,
      payload: { fingerprint: `${fingerprint}x` },
    });
    expect(problemOf(stale).code).toBe('allocation_stale');
  });
});

describe('nominating by hand', () => {
  it('refuses the partner that already rejected the student for this call, and takes no seat', async () => {
    // BUAS rejected d above; a freed seat on its line must still not bring d back to it.
    const admin = await t.login('admin@exchange.test');
    expect((await t.request({ method: 'PATCH', url: `/api/v1/quotas/${toBuas}`, token: admin, payload: { seats: 3 } })).statusCode).toBe(200);
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/nominations',
      token: tokens.psu,
      payload: { applicationId: ids[d], quotaId: toBuas },
    });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(problemOf(response).code).toBe('rejected_by_partner');
    expect((await t.request({ method: 'GET', url: `/api/v1/quotas/${toBuas}`, token: tokens.psu })).json()).toMatchObject({
      seats: 3,
      used: 2,
    });
    expect((await applicationOf(d)).status).toBe('not_placed');
  });
});
