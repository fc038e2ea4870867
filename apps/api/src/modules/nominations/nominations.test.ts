/**
 * The partner's side of nominations through HTTP, on the allocation confirmed as in
 * `nominations-allocation.test.ts`: what a partner sees of its nominees, and the decisions
 * (approve, undo, reject, cancel). Each test goes on from the state the previous one left; the
 * reports on that state are in `nominations-reports.test.ts`.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '@exchange/db';
import { confirmAllocation, nominationsFixture } from '../../test/fixtures/nominations.js';
import { problemOf, type TestContext } from '../../test/helper.js';

const { f } = nominationsFixture();
const { ids, tokens } = f;
let t: TestContext;
let callId: string;
let toBuas: string;
let toBri: string;
beforeAll(async () => {
  ({ t, callId, toBuas, toBri } = f);
  await confirmAllocation(f);
});

describe('the partner’s side', () => {
  let nominationId: string;

  it('shows a partner only its own nominees, without passport number, passport copy or internal comments', async () => {
    const incoming = (await t.request({ method: 'GET', url: `/api/v1/nominations?direction=incoming&quotaId=${toBuas}`, token: tokens.buas })).json();
    expect(incoming.items).toHaveLength(1);
    const nominee = incoming.items[0];
    nominationId = nominee.id;
    expect(nominee.student).toMatchObject({ fullNameLatin: 'Student B', studyLevel: 6, fieldOfStudy: '0716' });
    expect(nominee).not.toHaveProperty('passportNumber');
    expect(nominee).not.toHaveProperty('review');
    expect(JSON.stringify(nominee)).not.toContain('75 1234567');
    expect(JSON.stringify(nominee)).not.toContain('internal: strong');
    expect(nominee.documents.map((d: { type: string }) => d.type)).toEqual(['transcript']);
    // Student 2 ranked BRI first: BUAS sees its own line only, neither BRI nor the rank.
    expect(nominee.student.preferences).toEqual([{ quotaId: toBuas }]);
    expect(JSON.stringify(nominee)).not.toContain(toBri);
    const dossier = (await t.request({ method: 'GET', url: `/api/v1/nominations/${nominee.id}`, token: tokens.buas })).json();
    expect(dossier.student.preferences).toEqual([{ quotaId: toBuas }]);
    const reviewer = await t.login('reviewer@buas.exchange.test');
    expect((await t.request({ method: 'GET', url: `/api/v1/nominations/${nominationId}`, token: reviewer })).statusCode).toBe(200);

    // The home side sees everything.
    const home = (await t.request({ method: 'GET', url: `/api/v1/nominations/${nominationId}`, token: tokens.psu })).json();
    expect(home.passportNumber).toBe('75 12345671');
    expect(home.student.preferences).toEqual([
      { quotaId: toBri, rank: 1 },
      { quotaId: toBuas, rank: 2 },
    ]);

    // BRI sees nothing of a nominee sent to BUAS.
    expect((await t.request({ method: 'GET', url: `/api/v1/nominations/${nominationId}`, token: tokens.bri })).statusCode).toBe(404);
    const briIncoming = (await t.request({ method: 'GET', url: '/api/v1/nominations?direction=incoming', token: tokens.bri })).json();
    expect(briIncoming.items.map((n: { id: string }) => n.id)).not.toContain(nominationId);
    const decide = await t.request({
      method: 'POST',
      url: `/api/v1/nominations/${nominationId}/approve`,
      token: tokens.bri,
      payload: { proposalId: nominee.proposalId },
    });
    expect(decide.statusCode).toBe(404);
  });

  it('refuses a decision on a stale proposal, then approves the current one', async () => {
    const old = (await t.request({ method: 'GET', url: `/api/v1/nominations/${nominationId}`, token: tokens.buas })).json().proposalId;
    const noted = await t.request({
      method: 'PATCH',
      url: `/api/v1/nominations/${nominationId}`,
      token: tokens.psu,
      payload: { note: 'Prefers the spring term.' },
    });
    expect(noted.json().proposalId).not.toBe(old);
    const stale = await t.request({
      method: 'POST',
      url: `/api/v1/nominations/${nominationId}/approve`,
      token: tokens.buas,
      payload: { proposalId: old },
    });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale).code).toBe('stale_proposal');
    const approved = await t.request({
      method: 'POST',
      url: `/api/v1/nominations/${nominationId}/approve`,
      token: tokens.buas,
      payload: { proposalId: noted.json().proposalId },
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('approved');
    const application = (
      await t.request({
        method: 'GET',
        url: `/api/v1/applications/${ids['student2@psu.exchange.test']}`,
        token: tokens['student2@psu.exchange.test'],
      })
    ).json();
    expect(application.status).toBe('accepted');
    expect(application.history.at(-1)).toMatchObject({ from: 'nominated', to: 'accepted' });
  });

  it('lets the partner undo an approval within ten minutes, on the current proposal, audited; later answers 409', async () => {
    const undo = (token: string | undefined, proposalId: string) =>
      t.request({ method: 'POST', url: `/api/v1/nominations/${nominationId}/undo-approval`, token, payload: { proposalId } });
    const { proposalId } = (await t.request({ method: 'GET', url: `/api/v1/nominations/${nominationId}`, token: tokens.buas })).json();
    expect((await undo(tokens.bri, proposalId)).statusCode).toBe(404);
    expect((await undo(tokens.psu, proposalId)).statusCode).toBe(403);
    const stale = await undo(tokens.buas, '00000000-0000-4000-8000-000000000000');
    expect(problemOf(stale).code).toBe('stale_proposal');

    f.now = new Date(f.now.getTime() + 9 * 60_000);
    const undone = await undo(tokens.buas, proposalId);
    expect(undone.statusCode).toBe(200);
    expect(undone.json()).toMatchObject({ status: 'pending', decidedAt: null, proposalId });
    const application = (
      await t.request({
        method: 'GET',
        url: `/api/v1/applications/${ids['student2@psu.exchange.test']}`,
        token: tokens['student2@psu.exchange.test'],
      })
    ).json();
    expect(application.history.at(-1)).toMatchObject({ from: 'accepted', to: 'nominated' });
    const audited = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, 'nomination.undo_approve'), eq(auditEntries.entityId, nominationId)));
    expect(audited).toHaveLength(1);
    expect(problemOf(await undo(tokens.buas, proposalId)).code).toBe('not_approved');
    // The seat stays taken throughout: pending and approved both hold it.
    expect((await t.request({ method: 'GET', url: `/api/v1/quotas/${toBuas}`, token: tokens.psu })).json().used).toBe(1);

    expect(
      (await t.request({ method: 'POST', url: `/api/v1/nominations/${nominationId}/approve`, token: tokens.buas, payload: { proposalId } })).json().status,
    ).toBe('approved');
    f.now = new Date(f.now.getTime() + 10 * 60_000 + 1_000);
    const late = await undo(tokens.buas, proposalId);
    expect(late.statusCode).toBe(409);
    expect(problemOf(late)).toMatchObject({ code: 'undo_window_passed', detail: expect.stringContaining('10 minutes') });
    expect((await t.request({ method: 'GET', url: `/api/v1/nominations/${nominationId}`, token: tokens.buas })).json().status).toBe('approved');
  });

  it('requires a reason to reject, frees the seat, and offers it to the next waitlisted student', async () => {
    const [briNomination] = (await t.request({ method: 'GET', url: '/api/v1/nominations?direction=incoming', token: tokens.bri })).json().items;
    const noReason = await t.request({
      method: 'POST',
      url: `/api/v1/nominations/${briNomination.id}/reject`,
      token: tokens.bri,
      payload: { proposalId: briNomination.proposalId },
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await t.request({
      method: 'POST',
      url: `/api/v1/nominations/${briNomination.id}/reject`,
      token: tokens.bri,
      payload: { proposalId: briNomination.proposalId, comment: 'No places in railway engineering this term.' },
    });
    expect(rejected.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/api/v1/quotas/${toBri}`, token: tokens.psu })).json().remaining).toBe(1);
    const student1 = (
      await t.request({
        method: 'GET',
        url: `/api/v1/applications/${ids['student1@psu.exchange.test']}`,
        token: tokens['student1@psu.exchange.test'],
      })
    ).json();
    expect(student1.status).toBe('declined');

    const waitlist = (await t.request({ method: 'GET', url: `/api/v1/calls/${callId}/waitlist?quotaId=${toBri}`, token: tokens.psu })).json().items;
    expect(waitlist.map((entry: { applicationId: string }) => entry.applicationId)).toEqual([
      ids['student3@psu.exchange.test'],
      ids['student5@psu.exchange.test'],
    ]);
    const offered = await t.request({
      method: 'POST',
      url: '/api/v1/nominations',
      token: tokens.psu,
      payload: { applicationId: waitlist[0].applicationId, quotaId: toBri },
    });
    expect(offered.statusCode).toBe(201);
    const full = await t.request({
      method: 'POST',
      url: '/api/v1/nominations',
      token: tokens.psu,
      payload: { applicationId: waitlist[1].applicationId, quotaId: toBri },
    });
    expect(full.statusCode).toBe(409);
    expect(problemOf(full).code).toBe('quota_full');
    const twice = await t.request({
      method: 'POST',
      url: '/api/v1/nominations',
      token: tokens.psu,
      payload: { applicationId: waitlist[0].applicationId, quotaId: toBuas },
    });
    expect(twice.statusCode).toBe(409);
  });

  it('keeps the language a partner wrote the reason in, and tells readers of another language', async () => {
    // BRI's coordinator works in Chinese; student1 and the PSU office read Russian.
    const student1 = (
      await t.request({
        method: 'GET',
        url: `/api/v1/applications/${ids['student1@psu.exchange.test']}`,
        token: tokens['student1@psu.exchange.test'],
      })
    ).json();
    expect(student1.statusNote).toBe('No places in railway engineering this term.');
    expect(student1.statusNoteLocale).toBe('zh');
    expect(student1.history.at(-1)).toMatchObject({ to: 'declined', noteLocale: 'zh' });
    const outgoing = (await t.request({ method: 'GET', url: `/api/v1/nominations?direction=outgoing&status=rejected`, token: tokens.psu })).json().items;
    expect(outgoing[0]).toMatchObject({ comment: 'No places in railway engineering this term.', commentLocale: 'zh' });

    const mails = await t.database.rows<{ body: string }>(`select body from mail_outbox where body like '%No places in railway engineering%'`);
    expect(mails.map((mail) => mail.body)).toEqual([expect.stringContaining('Причина: No places in railway engineering this term. (на китайском)')]);

    const english = await t.request({ method: 'GET', url: '/api/v1/nominations/export.csv?status=rejected&lang=en', token: tokens.psu });
    expect(english.body).toContain('"No places in railway engineering this term. (in Chinese)"');
    const chinese = await t.request({ method: 'GET', url: '/api/v1/nominations/export.csv?status=rejected&lang=zh', token: tokens.bri });
    expect(chinese.body).toContain('"No places in railway engineering this term."');
  });

  it('lets the sending side cancel, which frees the seat', async () => {
    const outgoing = (
      await t.request({ method: 'GET', url: `/api/v1/nominations?direction=outgoing&status=pending&quotaId=${toBri}`, token: tokens.psu })
    ).json().items;
    const transcript = outgoing[0].documents.find((d: { type: string }) => d.type === 'transcript').id;
    const documentUrl = `/api/v1/nominations/${outgoing[0].id}/documents/${transcript}`;
    expect((await t.request({ method: 'GET', url: documentUrl, token: tokens.bri })).statusCode).toBe(200);
    const cancelled = await t.request({ method: 'POST', url: `/api/v1/nominations/${outgoing[0].id}/cancel`, token: tokens.psu });
    expect(cancelled.json().status).toBe('cancelled');
    // The application is no longer nominated to BRI: BRI keeps the entry, not the application's data.
    const seen = (await t.request({ method: 'GET', url: `/api/v1/nominations/${outgoing[0].id}`, token: tokens.bri })).json();
    expect(seen).toMatchObject({
      status: 'cancelled',
      documents: [],
      student: { fullNameLatin: 'Student C', email: '', motivation: '', gpa: null, preferences: [], languageCertificates: [] },
    });
    expect((await t.request({ method: 'GET', url: documentUrl, token: tokens.bri })).statusCode).toBe(404);
    const listed = (await t.request({ method: 'GET', url: '/api/v1/nominations?direction=incoming&status=cancelled', token: tokens.bri })).json().items;
    expect(listed.find((n: { id: string }) => n.id === outgoing[0].id).student.motivation).toBe('');
    const exported = await t.request({ method: 'GET', url: '/api/v1/nominations/export.csv?direction=incoming', token: tokens.bri });
    expect(exported.body).toContain('Student C');
    expect(exported.body).not.toContain('student3@psu.exchange.test');
    // The home side still reads everything.
    expect((await t.request({ method: 'GET', url: `/api/v1/nominations/${outgoing[0].id}`, token: tokens.psu })).json().student.motivation).toBe('Motivated.');
    expect((await t.request({ method: 'GET', url: `/api/v1/quotas/${outgoing[0].quotaId}`, token: tokens.psu })).json().used).toBe(0);
    const partnerCancel = await t.request({ method: 'POST', url: `/api/v1/nominations/${outgoing[0].id}/cancel`, token: tokens.buas });
    expect([403, 404]).toContain(partnerCancel.statusCode);
  });
});
