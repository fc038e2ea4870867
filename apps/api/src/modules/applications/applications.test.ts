/** The applications module: an application from draft to review, and a student's list (calls as students see them: applications-calls.test.ts). */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderNotification } from '@exchange/shared';
import { applicationsFixture, identity } from '../../test/fixtures/applications.js';
import { problemOf, readOutbox, sampleFiles, type TestContext } from '../../test/helper.js';

const { f, upload } = applicationsFixture();
let t: TestContext;
let coordinator: string;
let student: string;
let callId: string;
let quotaIds: string[];
beforeAll(() => {
  ({ t, coordinator, student, callId, quotaIds } = f);
});

describe('an application from draft to review', () => {
  let applicationId: string;

  it('starts a draft, keeps what is filled in, and names what is still missing', async () => {
    const draft = await t.request({ method: 'POST', url: '/api/v1/applications', token: student, payload: { callId } });
    expect(draft.statusCode).toBe(201);
    applicationId = draft.json().id;
    expect(draft.json()).toMatchObject({ status: 'draft', preferences: [], history: [{ from: null, to: 'draft' }] });

    const again = await t.request({ method: 'POST', url: '/api/v1/applications', token: student, payload: { callId } });
    expect(again.statusCode).toBe(409);
    expect(problemOf(again).code).toBe('already_applied');

    const incomplete = await t.request({ method: 'POST', url: `/api/v1/applications/${applicationId}/submit`, token: student });
    expect(incomplete.statusCode).toBe(422);
    const missing = (incomplete.json() as { missing: { item: string; documentType?: string }[] }).missing;
    expect(missing).toEqual([
      { item: 'preferences' },
      { item: 'motivation' },
      { item: 'gpa' },
      // What the partner and the border need: asked of every applicant.
      { item: 'fullNameLatin' },
      { item: 'passportNumber' },
      { item: 'studyLevel' },
      { item: 'fieldOfStudy' },
      { item: 'document', documentType: 'motivation_letter' },
      { item: 'document', documentType: 'transcript' },
    ]);
    // Nothing changed by the refusal.
    expect((await t.request({ method: 'GET', url: `/api/v1/applications/${applicationId}`, token: student })).json().status).toBe('draft');
  });

  it('keeps ranked preferences within the call’s lines and maximum', async () => {
    const tooMany = await t.request({
      method: 'PATCH',
      url: `/api/v1/applications/${applicationId}`,
      token: student,
      payload: {
        preferences: [
          { quotaId: quotaIds[0], rank: 1 },
          { quotaId: quotaIds[1], rank: 2 },
          { quotaId: quotaIds[0], rank: 3 },
        ],
      },
    });
    expect(tooMany.statusCode).toBe(400);
    const filled = await t.request({
      method: 'PATCH',
      url: `/api/v1/applications/${applicationId}`,
      token: student,
      payload: {
        preferences: [
          { quotaId: quotaIds[1], rank: 5 },
          { quotaId: quotaIds[0], rank: 2 },
        ],
        motivation: 'Я изучаю китайский язык и железнодорожную технику.',
        gpa: 4.75,
        languageCertificates: [{ language: 'zh', test: 'HSK', level: '4', date: '2025-06-01' }],
        ...identity,
      },
    });
    expect(filled.statusCode).toBe(200);
    expect(filled.json().preferences).toEqual([
      { quotaId: quotaIds[0], rank: 1 },
      { quotaId: quotaIds[1], rank: 2 },
    ]);
    expect(filled.json().gpa).toBe(4.75);
  });

  it('checks documents by their content, not their name', async () => {
    const cases = [
      { name: 'photo.png', content: sampleFiles.jpeg, status: 415, code: 'file_type_mismatch' },
      { name: 'letter.pdf', content: sampleFiles.exe, status: 415, code: 'unsupported_file_type' },
      { name: '../../etc/letter.pdf', content: sampleFiles.pdf, status: 400, code: 'invalid_file_name' },
      { name: 'big.pdf', content: Buffer.concat([sampleFiles.pdf, Buffer.alloc(11 * 1024 * 1024)]), status: 413, code: 'file_too_large' },
    ];
    for (const { name, content, status, code } of cases) {
      const response = await upload(student, applicationId, 'motivation_letter', name, content);
      expect(response.statusCode, name).toBe(status);
      expect(problemOf(response).code, name).toBe(code);
    }
    expect((await t.request({ method: 'GET', url: `/api/v1/applications/${applicationId}`, token: student })).json().documents).toEqual([]);

    const letter = await upload(student, applicationId, 'motivation_letter', 'Мотивационное письмо.pdf', sampleFiles.pdf);
    expect(letter.statusCode).toBe(201);
    expect(letter.json().fileName).toMatch(/^motivation_letter-[0-9a-f]{8}\.pdf$/);
    const transcript = await upload(student, applicationId, 'transcript', 'scan.jpeg', sampleFiles.jpeg);
    expect(transcript.json()).toMatchObject({ contentType: 'image/jpeg', fileName: expect.stringMatching(/\.jpg$/) });

    // A replacement keeps the old version in the audit trail.
    const replaced = await upload(student, applicationId, 'transcript', 'scan.png', sampleFiles.png);
    expect(replaced.statusCode).toBe(201);
    const audit = await t.request({ method: 'GET', url: `/api/v1/audit?entityId=${applicationId}`, token: coordinator });
    const replacement = audit.json().items.find((entry: { action: string }) => entry.action === 'document.replace');
    expect(replacement.before.document.id).toBe(transcript.json().id);
    expect(replacement.after.document.id).toBe(replaced.json().id);

    const download = await t.request({
      method: 'GET',
      url: `/api/v1/applications/${applicationId}/documents/${letter.json().id}`,
      token: coordinator,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="motivation_letter-[0-9a-f]{8}\.pdf"$/);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(sampleFiles.pdf)).toBe(true);
  });

  it('hides the application and its documents from other students and other institutions', async () => {
    const application = (await t.request({ method: 'GET', url: `/api/v1/applications/${applicationId}`, token: student })).json();
    const documentUrl = `/api/v1/applications/${applicationId}/documents/${application.documents[0].id}`;
    const otherStudent = await t.login('student2@psu.exchange.test');
    const buasCoordinator = await t.login('coordinator@buas.exchange.test');
    const buasReviewer = await t.login('reviewer@buas.exchange.test');
    for (const token of [otherStudent, buasCoordinator, buasReviewer]) {
      expect((await t.request({ method: 'GET', url: `/api/v1/applications/${applicationId}`, token })).statusCode).toBe(404);
      expect((await t.request({ method: 'GET', url: documentUrl, token })).statusCode).toBe(404);
      const list = await t.request({ method: 'GET', url: `/api/v1/applications?callId=${callId}`, token });
      expect(list.json().items.map((item: { id: string }) => item.id)).not.toContain(applicationId);
    }
    const edit = await t.request({
      method: 'PATCH',
      url: `/api/v1/applications/${applicationId}`,
      token: otherStudent,
      payload: { motivation: 'mine now' },
    });
    expect(edit.statusCode).toBe(404);
  });

  it('submits a complete application once, and refuses changes afterwards', async () => {
    const submitted = await t.request({ method: 'POST', url: `/api/v1/applications/${applicationId}/submit`, token: student });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', history: [{ to: 'draft' }, { from: 'draft', to: 'submitted' }] });
    expect(submitted.json().submittedAt).not.toBeNull();

    const edit = await t.request({ method: 'PATCH', url: `/api/v1/applications/${applicationId}`, token: student, payload: { gpa: 5 } });
    expect(edit.statusCode).toBe(409);
    expect(problemOf(edit).code).toBe('not_a_draft');
    const upload2 = await upload(student, applicationId, 'cv', 'cv.pdf', sampleFiles.pdf);
    expect(upload2.statusCode).toBe(409);
    const twice = await t.request({ method: 'POST', url: `/api/v1/applications/${applicationId}/submit`, token: student });
    expect(twice.statusCode).toBe(409);
    expect((await t.request({ method: 'GET', url: `/api/v1/applications/${applicationId}`, token: student })).json().gpa).toBe(4.75);
  });

  it('lets the home coordinator review; the reviewer only reads; the student is told why in their language', async () => {
    const reviewer = await t.login('reviewer@buas.exchange.test');
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/applications/${applicationId}/review`,
          token: reviewer,
          payload: { score: 50, eligible: true },
        })
      ).statusCode,
    ).toBe(403);
    const noReason = await t.request({
      method: 'POST',
      url: `/api/v1/applications/${applicationId}/review`,
      token: coordinator,
      payload: { score: 30, eligible: false },
    });
    expect(noReason.statusCode).toBe(400);

    const reviewed = await t.request({
      method: 'POST',
      url: `/api/v1/applications/${applicationId}/review`,
      token: coordinator,
      payload: { score: 61.5, eligible: false, comment: 'Нет сертификата HSK 3 или выше.' },
    });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json()).toMatchObject({ status: 'ineligible', review: { score: 61.5, eligible: false } });

    // The student sees the reason but not the score.
    const seen = (await t.request({ method: 'GET', url: `/api/v1/applications/${applicationId}`, token: student })).json();
    // The reason keeps the language its writer (the PSU office, in Russian) wrote it in.
    expect(seen.review).toEqual({
      score: null,
      eligible: false,
      comment: 'Нет сертификата HSK 3 или выше.',
      commentLocale: 'ru',
      reviewedAt: expect.any(String),
    });
    expect(seen).toMatchObject({ statusNote: 'Нет сертификата HSK 3 или выше.', statusNoteLocale: 'ru' });
    const bell = (await t.request({ method: 'GET', url: '/api/v1/notifications', token: student })).json();
    expect(bell.items.map((item: { kind: string }) => item.kind)).toEqual(['application.ineligible', 'application.submitted']);

    await t.app.mail.deliverDue();
    const bodies = (await readOutbox(t.dataDir)).filter((mail) => mail.to === 'student4@psu.exchange.test').map((mail) => mail.body);
    // student4 chose English, and is told the reason is in Russian, not a translation.
    expect(bodies).toContain(
      `${renderNotification('application.ineligible', { call: { en: 'Autumn semester in Baoji', ru: '', zh: '' }, reason: 'Нет сертификата HSK 3 или выше.', reasonLocale: 'ru' }, 'en').body}\n\nOpen in the portal: http://localhost:3000/applications/${applicationId}`,
    );
    expect(bodies.join('\n')).toContain('Reason: Нет сертификата HSK 3 или выше. (in Russian)');
  });

  it('lists the institution’s applications with filters, sorting, pagination and counts per status', async () => {
    const list = await t.request({
      method: 'GET',
      url: `/api/v1/applications?callId=${callId}&sort=score&order=desc&limit=10`,
      token: coordinator,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, counts: { ineligible: 1 } });
    const filtered = await t.request({ method: 'GET', url: `/api/v1/applications?callId=${callId}&status=submitted`, token: coordinator });
    expect(filtered.json()).toMatchObject({ total: 0, counts: { ineligible: 1 } });
    const byLine = await t.request({ method: 'GET', url: `/api/v1/applications?quotaId=${quotaIds[1]}&minScore=60`, token: coordinator });
    expect(byLine.json().items.map((item: { id: string }) => item.id)).toEqual([applicationId]);
  });

  it('lists the submitted applications not reviewed yet apart from the reviewed ones', async () => {
    const list = async (query: string) =>
      (await t.request({ method: 'GET', url: `/api/v1/applications?status=submitted&limit=100${query}`, token: coordinator })).json();
    const [all, queue, reviewed] = await Promise.all([list(''), list('&reviewed=false'), list('&reviewed=true')]);
    expect(queue.total).toBeGreaterThan(0);
    expect(reviewed.total).toBeGreaterThan(0);
    expect(queue.items.map((item: { review: unknown }) => item.review)).toEqual(queue.items.map(() => null));
    expect(reviewed.items.every((item: { review: { score: number } | null }) => typeof item.review?.score === 'number')).toBe(true);
    expect(queue.total + reviewed.total).toBe(all.total);
    expect(queue.counts.submitted).toBe(queue.total);
    const wrong = await t.request({ method: 'GET', url: '/api/v1/applications?reviewed=maybe', token: coordinator });
    expect(wrong.statusCode).toBe(400);
  });

  it('shows each application in a list exactly as on its own page: preferences, documents and times', async () => {
    // Lists aggregate preferences and documents in their own statement; the detail reads them apart.
    const list = (await t.request({ method: 'GET', url: `/api/v1/applications?callId=${callId}&limit=50`, token: coordinator })).json();
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items) {
      const detail = (await t.request({ method: 'GET', url: `/api/v1/applications/${item.id}`, token: coordinator })).json();
      expect(item.documents.length).toBeGreaterThan(0);
      // A list item is a summary: every field it has must match the page.
      const shared = Object.keys(item).filter((key) => key !== 'history');
      expect(shared).toEqual(expect.arrayContaining(['preferences', 'documents', 'submittedAt', 'updatedAt']));
      for (const key of shared) expect({ [key]: item[key] }).toEqual({ [key]: detail[key] });
    }
  });
});

describe('a student’s list', () => {
  it('says when each application took its status and why, without reading each one', async () => {
    for (const email of ['student4@psu.exchange.test', 'student5@psu.exchange.test', 'student1@psu.exchange.test']) {
      const token = await t.login(email);
      const list = (await t.request({ method: 'GET', url: '/api/v1/applications?limit=100', token })).json();
      expect(list.items.length, email).toBeGreaterThan(0);
      for (const item of list.items) {
        const full = (await t.request({ method: 'GET', url: `/api/v1/applications/${item.id}`, token })).json();
        const last = full.history.at(-1);
        expect(last.to, email).toBe(item.status);
        expect(item.statusChangedAt, email).toBe(last.at);
        expect(item.statusNote, email).toBe(last.note);
        expect(full.statusChangedAt).toBe(last.at);
        expect(item).not.toHaveProperty('history');
      }
    }
    // The reason of an ineligibility comes with the list.
    const ineligible = (
      await t.request({ method: 'GET', url: '/api/v1/applications?status=ineligible', token: await t.login('student5@psu.exchange.test') })
    ).json().items[0];
    if (ineligible) expect(ineligible.review.comment).toBeTruthy();
  });
});
