/**
 * The learning agreement through HTTP: a PSU student's agreement for BUAS written, proposed and
 * signed by the three parties in order; a change proposal sent back with a comment, then signed;
 * stale proposals refused with 409; bad input refused with the field named and nothing written;
 * the version in force printed in Chinese and Russian.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { learningAgreementVersions } from '@exchange/db';
import { problemOf } from '../../test/helper.js';
import { admittedMobility } from '../../test/fixtures/mobilities.js';
import { nominationsFixture } from '../../test/fixtures/nominations.js';

const { f } = nominationsFixture();
const student = 'student1@psu.exchange.test';

const studied = [
  { code: 'CHN101', title: '汉语综合（初级）', credits: 4, term: '2026 秋季学期' },
  { code: 'CUL110', title: '中国文化概论', credits: 2, term: '2026 秋季学期' },
];
const recognised = [{ code: 'Б1.В.07', title: 'Китайский язык', credits: 5 }];
const draft = {
  studied,
  recognised,
  languageOfInstruction: { language: 'zh', scale: 'HSK', level: '4' },
  hostCatalogueUrl: 'https://www.bjwlxy.edu.cn/courses',
  homeCatalogueUrl: null,
};

async function textOf(pdf: Buffer) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text;
}

describe('a learning agreement signed by the student, PSU and BUAS', () => {
  let mobilityId = '';
  const url = (path = '') => `/api/v1/mobilities/${mobilityId}/learning-agreement${path}`;
  const as = (who: string) => f.tokens[who];
  const read = async (token = as(student)) => (await f.t.request({ method: 'GET', url: url(), token })).json();
  const save = (payload: object, token = as(student)) => f.t.request({ method: 'PUT', url: url('/draft'), token, payload });
  const propose = (token = as(student), payload?: object) => f.t.request({ method: 'POST', url: url('/propose'), token, payload });
  const approve = (token: string | undefined, proposalId: string) => f.t.request({ method: 'POST', url: url('/approve'), token, payload: { proposalId } });
  const comment = (token: string | undefined, proposalId: string, text: string, locale?: string) =>
    f.t.request({ method: 'POST', url: url('/comment'), token, payload: { proposalId, comment: text, locale } });

  it('refuses a component without a title, negative credits or a change before anything is signed, and keeps nothing', async () => {
    ({ mobilityId } = await admittedMobility(f, { student, quotaId: f.toBuas, host: 'buas' }));
    expect((await read()).status).toBe('none');

    const untitled = await save({ ...draft, studied: [{ ...studied[0], title: '  ' }] });
    expect(untitled.statusCode).toBe(400);
    expect(problemOf(untitled).errors?.map((e) => e.path)).toContain('body.studied.0.title');
    const negative = await save({ ...draft, recognised: [{ ...recognised[0], credits: -1 }] });
    expect(negative.statusCode).toBe(400);
    expect(problemOf(negative).errors?.map((e) => e.path)).toContain('body.recognised.0.credits');
    const twice = await save({ ...draft, studied: [studied[0], studied[1], { ...studied[0], title: 'Again' }] });
    expect(twice.statusCode).toBe(400);
    expect(problemOf(twice).errors?.map((e) => e.path)).toEqual(['body.studied.2.code']);
    const early = await save({
      ...draft,
      studied: [...studied, { code: 'X1', title: 'Calligraphy', credits: 1, term: 'autumn', change: 'added', reason: 'Interest' }],
    });
    expect(early.statusCode).toBe(422);
    expect(problemOf(early)).toMatchObject({ code: 'no_signed_version' });
    expect(problemOf(early).errors?.[0]?.path).toBe('body.studied.2.change');
    expect((await propose()).statusCode).toBe(409);
    expect((await read()).status).toBe('none');
  });

  it('lets only the student write it, and refuses to propose it incomplete', async () => {
    expect((await save(draft, as('psu'))).statusCode).toBe(403);
    const other = await f.t.request({ method: 'PUT', url: url('/draft'), token: as('student2@psu.exchange.test'), payload: draft });
    expect(other.statusCode).toBe(404);
    expect((await save({ ...draft, recognised: [] })).statusCode).toBe(200);
    const incomplete = await propose();
    expect(incomplete.statusCode).toBe(422);
    expect(problemOf(incomplete).errors?.map((e) => e.path)).toEqual(['body.recognised']);
    const saved = await save(draft);
    expect(saved.json()).toMatchObject({ status: 'draft', draft: { kind: 'first', studied: [{ code: 'CHN101', change: null }, { code: 'CUL110' }] } });
    // Signing a draft read before it changed (in another tab, say) is refused.
    const unseen = await propose(as(student), { draftUpdatedAt: '2026-01-01T00:00:00.000Z' });
    expect(problemOf(unseen)).toMatchObject({ status: 409, code: 'stale_draft' });
    expect((await read()).pending).toBeNull();
  });

  it('is signed by the student, then the sending office, then the receiving office; stale or early signatures are refused', async () => {
    const proposed = await propose(as(student), { draftUpdatedAt: (await read()).draft.updatedAt });
    expect(proposed.statusCode).toBe(200);
    const first = proposed.json().pending;
    expect(first).toMatchObject({ number: 1, kind: 'first', status: 'proposed', awaiting: 'sending', signatures: { sending: null, receiving: null } });
    expect(first.signatures.student.by.id).toBeTruthy();
    expect(proposed.json().draft).toBeNull();
    // The student may not rewrite a proposal under review.
    expect(problemOf(await save(draft))).toMatchObject({ status: 409, code: 'proposal_pending' });

    expect(problemOf(await approve(as('buas'), first.proposalId))).toMatchObject({ status: 409, code: 'awaiting_sending' });
    expect(problemOf(await approve(as('psu'), randomUUID()))).toMatchObject({ status: 409, code: 'stale_proposal' });
    expect((await approve(await f.t.login('reviewer@buas.exchange.test'), first.proposalId)).statusCode).toBe(403);
    expect((await approve(as('bri'), first.proposalId)).statusCode).toBe(404);
    expect((await approve(as(student), first.proposalId)).statusCode).toBe(403);

    const bySending = await approve(as('psu'), first.proposalId);
    expect(bySending.statusCode).toBe(200);
    expect(bySending.json().pending).toMatchObject({ awaiting: 'receiving', signatures: { receiving: null } });
    expect(problemOf(await approve(as('psu'), first.proposalId))).toMatchObject({ status: 409, code: 'already_signed' });

    const signed = await approve(as('buas'), first.proposalId);
    expect(signed.statusCode).toBe(200);
    const agreement = signed.json();
    expect(agreement.status).toBe('signed');
    expect(agreement.pending).toBeNull();
    expect(agreement.inForce).toMatchObject({ number: 1, status: 'signed', awaiting: null });
    for (const side of ['student', 'sending', 'receiving']) expect(agreement.inForce.signatures[side]).toMatchObject({ by: { name: expect.any(String) } });

    const mobility = (await f.t.request({ method: 'GET', url: `/api/v1/mobilities/${mobilityId}`, token: as(student) })).json();
    expect(mobility.learningAgreement).toMatchObject({ status: 'signed', changePending: false, proposalId: null });
    // Both offices and the student read the same agreement.
    expect((await read(as('buas'))).inForce).toEqual(agreement.inForce);
  });

  it('takes a change proposal only with each change marked and explained, and keeps the signed version in force meanwhile', async () => {
    const kept = { ...studied[0] };
    const unexplained = await save({ ...draft, studied: [kept, { ...studied[1], change: 'removed' }] });
    expect(problemOf(unexplained)).toMatchObject({ status: 422, code: 'reason_required' });
    expect(problemOf(unexplained).errors?.[0]?.path).toBe('body.studied.1.reason');
    const dropped = await save({ ...draft, studied: [kept] });
    expect(problemOf(dropped)).toMatchObject({ status: 422, code: 'silently_dropped' });

    const change = {
      ...draft,
      studied: [
        kept,
        { ...studied[1], change: 'removed', reason: 'Timetable clash' },
        { code: 'CAL120', title: '书法', credits: 2, term: '2026 秋季学期', change: 'added', reason: 'Replaces the culture course' },
      ],
    };
    const saved = await save(change);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'signed', draft: { kind: 'changes' } });
    const proposed = (await propose()).json();
    expect(proposed.pending).toMatchObject({ number: 2, kind: 'changes', awaiting: 'sending' });
    expect(proposed.inForce.number).toBe(1);
    const mobility = (await f.t.request({ method: 'GET', url: `/api/v1/mobilities/${mobilityId}`, token: as('psu') })).json();
    expect(mobility.learningAgreement).toMatchObject({ status: 'signed', changePending: true, proposalId: proposed.pending.proposalId, awaiting: 'sending' });
  });

  it('goes back to the student with the office’s comment; the old proposal is stale and the new one is signed', async () => {
    const { pending } = await read();
    const sentBack = await comment(as('psu'), pending.proposalId, 'Добавьте код дисциплины по каталогу БУАН');
    expect(sentBack.statusCode).toBe(200);
    const returned = sentBack.json();
    expect(returned.pending).toBeNull();
    expect(returned.history.at(-1)).toMatchObject({
      number: 2,
      status: 'returned',
      comment: { side: 'sending', text: 'Добавьте код дисциплины по каталогу БУАН' },
    });
    expect(returned.draft).toMatchObject({ kind: 'changes', studied: [{ code: 'CHN101' }, { code: 'CUL110', change: 'removed' }, { code: 'CAL120' }] });
    expect(problemOf(await approve(as('psu'), pending.proposalId))).toMatchObject({ status: 409, code: 'stale_proposal' });
    expect(problemOf(await comment(as('buas'), pending.proposalId, 'Late'))).toMatchObject({ status: 409, code: 'stale_proposal' });

    const again = (await propose()).json().pending;
    expect(again.number).toBe(3);
    expect(again.proposalId).not.toBe(pending.proposalId);
    expect((await approve(as('psu'), again.proposalId)).statusCode).toBe(200);
    const signed = (await approve(as('buas'), again.proposalId)).json();
    expect(signed.inForce.number).toBe(3);
    expect(signed.history.map((v: { number: number; status: string }) => `${v.number}:${v.status}`)).toEqual(['1:signed', '2:returned', '3:signed']);
    // The first version is as it was signed.
    expect(signed.history[0].studied.map((c: { code: string }) => c.code)).toEqual(['CHN101', 'CUL110']);
  });

  it('never lets a signed version change, even from inside the database', async () => {
    const db = f.t.database.db;
    const [first] = await db.select().from(learningAgreementVersions).where(eq(learningAgreementVersions.number, 1));
    await expect(
      db
        .update(learningAgreementVersions)
        .set({ content: sql`'{}'::jsonb` })
        .where(eq(learningAgreementVersions.id, first!.id)),
    ).rejects.toThrow();
    await expect(db.delete(learningAgreementVersions).where(eq(learningAgreementVersions.id, first!.id))).rejects.toThrow();
  });

  it('prints the version in force in the reader’s language, with the components in force and three signatures', async () => {
    const chinese = await f.t.request({ method: 'GET', url: url('.pdf?locale=zh'), token: as(student) });
    expect(chinese.statusCode).toBe(200);
    expect(chinese.headers['content-type']).toBe('application/pdf');
    expect(chinese.headers['content-disposition']).toBe('attachment; filename="learning-agreement-v3-zh.pdf"');
    const zh = await textOf(chinese.rawPayload);
    expect(zh).toContain('学习协议');
    expect(zh).toContain('书法');
    expect(zh).not.toContain('中国文化概论');
    expect(zh).toContain('Китайский язык');
    const russian = await textOf((await f.t.request({ method: 'GET', url: url('.pdf?locale=ru'), token: as('buas') })).rawPayload);
    expect(russian).toContain('Соглашение об обучении');
    expect(russian).toContain('Подписи');
    expect((await f.t.request({ method: 'GET', url: url('.pdf'), token: as('bri') })).statusCode).toBe(404);
  });
});
