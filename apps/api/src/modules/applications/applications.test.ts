import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantToZonedLocal, renderNotification, zonedLocalToInstant } from '@exchange/shared';
import { createTestContext, multipart, problemOf, readOutbox, sampleFiles, type TestContext } from '../../test/helper.js';

/** The system's clock in these tests: moved by hand to try deadlines. */
let now = new Date();
let t: TestContext;
let coordinator: string;
let student: string;
let callId: string;
let quotaIds: string[];

// A call of Penza State University closing at 23:59 Moscow time in a week.
const closingDay = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);
const closesAt = zonedLocalToInstant(`${closingDay}T23:59`, 'Europe/Moscow');

beforeAll(async () => {
  t = await createTestContext({ clock: () => now });
  coordinator = await t.login('coordinator@psu.exchange.test');
  student = await t.login('student4@psu.exchange.test');
  const agreementId = (await t.request({ method: 'GET', url: '/api/v1/agreements', token: coordinator })).json().items[0].id;
  const psu = await t.institutionId('PSU');
  const lines = (await t.request({ method: 'GET', url: `/api/v1/agreements/${agreementId}/quotas?academicYear=2025/2026`, token: coordinator })).json().items;
  quotaIds = lines.filter((line: { sendingInstitutionId: string; mobilityType: string }) => line.sendingInstitutionId === psu && line.mobilityType === 'semester').map((line: { id: string }) => line.id);

  const created = await t.request({
    method: 'POST',
    url: '/api/v1/calls',
    token: coordinator,
    payload: {
      title: { en: 'Autumn semester in Baoji', ru: 'Осенний семестр в Баоцзи', zh: '宝鸡秋季学期' },
      academicYear: '2025/2026',
      mobilityType: 'semester',
      opensAt: new Date(Date.now() - 3600_000).toISOString(),
      closesAt: closesAt.toISOString(),
      maxPreferences: 2,
      minGpa: 4,
      requiredDocuments: ['motivation_letter', 'transcript'],
      quotaIds,
      status: 'published',
    },
  });
  expect(created.statusCode).toBe(201);
  callId = created.json().id;
});
afterAll(() => t?.close());

/** What every applicant gives for the border, and the certificate the seeded lines to Baoji ask for (HSK 4). */
const identity = { fullNameLatin: 'Ivanova Anna', passportNumber: '56 99 123456', studyLevel: 6, fieldOfStudy: '0716' };
const hsk4 = { language: 'zh', test: 'HSK', level: '4', date: '2025-06-01' };

const upload = (token: string, applicationId: string, type: string, name: string, content: Buffer) => {
  const body = multipart({ type }, { name, content });
  return t.request({ method: 'POST', url: `/api/v1/applications/${applicationId}/documents`, token, ...body });
};

describe('calls', () => {
  it('shows students the open calls of their own institution only, with the lines offered', async () => {
    const open = await t.request({ method: 'GET', url: '/api/v1/calls?open=true', token: student });
    const ids = open.json().items.map((call: { id: string }) => call.id);
    expect(ids).toContain(callId);
    const ours = open.json().items.find((call: { id: string }) => call.id === callId);
    expect(ours).toMatchObject({ isOpen: true, maxPreferences: 2, quotaIds: expect.arrayContaining(quotaIds) });
    expect(ours.quotas[0]).toHaveProperty('remaining');

    const buasStudent = await t.login('student1@buas.exchange.test');
    const foreign = await t.request({ method: 'GET', url: `/api/v1/calls/${callId}`, token: buasStudent });
    expect(foreign.statusCode).toBe(404);
  });

  it('offers only lines the institution sends on, for the call’s year and kind', async () => {
    const all = (await t.request({ method: 'GET', url: `/api/v1/calls/${callId}`, token: coordinator })).json();
    const agreementId = all.quotas[0].agreementId;
    const lines = (await t.request({ method: 'GET', url: `/api/v1/agreements/${agreementId}/quotas`, token: coordinator })).json().items;
    const foreignLine = lines.find((line: { sendingInstitutionId: string }) => line.sendingInstitutionId !== all.institutionId);
    const response = await t.request({ method: 'PATCH', url: `/api/v1/calls/${callId}`, token: coordinator, payload: { quotaIds: [foreignLine.id] } });
    expect(response.statusCode).toBe(422);
    expect(problemOf(response).errors?.[0]).toMatchObject({ path: 'body.quotaIds.0', code: 'not_sending' });

    const buasCoordinator = await t.login('coordinator@buas.exchange.test');
    const notTheirs = await t.request({ method: 'PATCH', url: `/api/v1/calls/${callId}`, token: buasCoordinator, payload: { maxPreferences: 5 } });
    expect(notTheirs.statusCode).toBe(404);
  });
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
      method: 'PATCH', url: `/api/v1/applications/${applicationId}`, token: student,
      payload: { preferences: [{ quotaId: quotaIds[0], rank: 1 }, { quotaId: quotaIds[1], rank: 2 }, { quotaId: quotaIds[0], rank: 3 }] },
    });
    expect(tooMany.statusCode).toBe(400);
    const filled = await t.request({
      method: 'PATCH', url: `/api/v1/applications/${applicationId}`, token: student,
      payload: {
        preferences: [{ quotaId: quotaIds[1], rank: 5 }, { quotaId: quotaIds[0], rank: 2 }],
        motivation: 'Я изучаю китайский язык и железнодорожную технику.',
        gpa: 4.75,
        languageCertificates: [{ language: 'zh', test: 'HSK', level: '4', date: '2025-06-01' }],
        ...identity,
      },
    });
    expect(filled.statusCode).toBe(200);
    expect(filled.json().preferences).toEqual([{ quotaId: quotaIds[0], rank: 1 }, { quotaId: quotaIds[1], rank: 2 }]);
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

    const download = await t.request({ method: 'GET', url: `/api/v1/applications/${applicationId}/documents/${letter.json().id}`, token: coordinator });
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
    const edit = await t.request({ method: 'PATCH', url: `/api/v1/applications/${applicationId}`, token: otherStudent, payload: { motivation: 'mine now' } });
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
    expect((await t.request({ method: 'POST', url: `/api/v1/applications/${applicationId}/review`, token: reviewer, payload: { score: 50, eligible: true } })).statusCode).toBe(403);
    const noReason = await t.request({ method: 'POST', url: `/api/v1/applications/${applicationId}/review`, token: coordinator, payload: { score: 30, eligible: false } });
    expect(noReason.statusCode).toBe(400);

    const reviewed = await t.request({
      method: 'POST', url: `/api/v1/applications/${applicationId}/review`, token: coordinator,
      payload: { score: 61.5, eligible: false, comment: 'Нет сертификата HSK 3 или выше.' },
    });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json()).toMatchObject({ status: 'ineligible', review: { score: 61.5, eligible: false } });

    // The student sees the reason but not the score.
    const seen = (await t.request({ method: 'GET', url: `/api/v1/applications/${applicationId}`, token: student })).json();
    // The reason keeps the language its writer (the PSU office, in Russian) wrote it in.
    expect(seen.review).toEqual({ score: null, eligible: false, comment: 'Нет сертификата HSK 3 или выше.', commentLocale: 'ru', reviewedAt: expect.any(String) });
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
    const list = await t.request({ method: 'GET', url: `/api/v1/applications?callId=${callId}&sort=score&order=desc&limit=10`, token: coordinator });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, counts: { ineligible: 1 } });
    const filtered = await t.request({ method: 'GET', url: `/api/v1/applications?callId=${callId}&status=submitted`, token: coordinator });
    expect(filtered.json()).toMatchObject({ total: 0, counts: { ineligible: 1 } });
    const byLine = await t.request({ method: 'GET', url: `/api/v1/applications?quotaId=${quotaIds[1]}&minScore=60`, token: coordinator });
    expect(byLine.json().items.map((item: { id: string }) => item.id)).toEqual([applicationId]);
  });

  it('lists the submitted applications not reviewed yet apart from the reviewed ones', async () => {
    const list = async (query: string) => (await t.request({ method: 'GET', url: `/api/v1/applications?status=submitted&limit=100${query}`, token: coordinator })).json();
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

describe('identity for the border', () => {
  let newcomer: string;
  let strictCall: string;
  const call = async (extra: Record<string, unknown>) => {
    const created = await t.request({
      method: 'POST', url: '/api/v1/calls', token: coordinator,
      payload: {
        title: { en: 'Spring semester in Baoji', ru: 'Весенний семестр в Баоцзи', zh: '宝鸡春季学期' },
        academicYear: '2025/2026', mobilityType: 'semester',
        opensAt: new Date(Date.now() - 3600_000).toISOString(), closesAt: closesAt.toISOString(),
        maxPreferences: 2, quotaIds, status: 'published', ...extra,
      },
    });
    expect(created.statusCode).toBe(201);
    return created.json();
  };
  const submit = (id: string) => t.request({ method: 'POST', url: `/api/v1/applications/${id}/submit`, token: newcomer });
  const patch = (id: string, payload: Record<string, unknown>) => t.request({ method: 'PATCH', url: `/api/v1/applications/${id}`, token: newcomer, payload });

  beforeAll(async () => {
    const admin = await t.login('admin@exchange.test');
    const email = `border-${Date.now()}@psu.exchange.test`;
    const password = 'Penza-Baoji-Border-2026';
    const created = await t.request({ method: 'POST', url: '/api/v1/users', token: admin, payload: { email, fullName: 'Анна Иванова', role: 'student', institutionId: await t.institutionId('PSU'), password } });
    expect(created.statusCode).toBe(201);
    newcomer = await t.login(email, password);
    const strict = await call({ requiredIdentity: ['birthDate', 'citizenship', 'sex', 'passportExpiresOn'], languageRequirement: { language: 'zh', scale: 'HSK', level: '5' } });
    expect(strict.requiredIdentity).toEqual(['birthDate', 'citizenship', 'sex', 'passportExpiresOn']);
    strictCall = strict.id;
  });

  it('refuses malformed identity data: a Cyrillic "Latin" name, a lower-case country, a sex outside ISO 5218', async () => {
    const draft = (await t.request({ method: 'POST', url: '/api/v1/applications', token: newcomer, payload: { callId: strictCall } })).json();
    const refused = await patch(draft.id, { fullNameLatin: 'Анна Иванова', citizenship: 'ru', sex: 3, birthDate: '2999-01-01', passportNumber: '№ 56 99' });
    expect(refused.statusCode).toBe(400);
    const paths = problemOf(refused).errors!.map((error: { path: string }) => error.path);
    for (const field of ['fullNameLatin', 'citizenship', 'sex', 'birthDate', 'passportNumber']) expect(paths).toContain(`body.${field}`);
    const after = (await t.request({ method: 'GET', url: `/api/v1/applications/${draft.id}`, token: newcomer })).json();
    expect(after).toMatchObject({ fullNameLatin: null, citizenship: null, sex: null, birthDate: null, passportNumber: null });
  });

  it('asks for what the call names and the language level it requires, then keeps the identity for the next application', async () => {
    const id = (await t.request({ method: 'GET', url: `/api/v1/applications?callId=${strictCall}`, token: newcomer })).json().items[0].id;
    expect((await patch(id, { preferences: [{ quotaId: quotaIds[0], rank: 1 }], motivation: 'Motivated.', gpa: 4.5, ...identity, languageCertificates: [hsk4] })).statusCode).toBe(200);

    // HSK 4 answers the line's requirement, not the call's HSK 5.
    const incomplete = await submit(id);
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.headers['content-type']).toContain('application/problem+json');
    expect(incomplete.json().missing).toEqual([
      { item: 'passportExpiresOn' },
      { item: 'birthDate' },
      { item: 'citizenship' },
      { item: 'sex' },
      { item: 'languageCertificate', language: 'zh', scale: 'HSK', level: '5' },
    ]);
    expect(problemOf(incomplete).errors!.map((error: { path: string }) => error.path)).toContain('languageCertificates.zh');

    const border = { passportExpiresOn: '2031-05-20', birthDate: '2004-03-15', citizenship: 'RU', sex: 2 };
    expect((await patch(id, { ...border, languageCertificates: [{ ...hsk4, level: '5' }] })).statusCode).toBe(200);
    const submitted = await submit(id);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', ...identity, ...border });

    // The next application starts with the identity given; the chosen line's HSK 4 still applies.
    const next = await call({});
    const draft = await t.request({ method: 'POST', url: '/api/v1/applications', token: newcomer, payload: { callId: next.id } });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ ...identity, ...border, languageCertificates: [] });
    await patch(draft.json().id, { preferences: [{ quotaId: quotaIds[0], rank: 1 }], motivation: 'Again.', gpa: 4.5 });
    expect((await submit(draft.json().id)).json().missing).toEqual([{ item: 'languageCertificate', language: 'zh', scale: 'HSK', level: '4' }]);
  });
});

describe('the deadline', () => {
  it('accepts a submission at 23:58 Moscow time and refuses one at 00:00, whatever the server’s zone', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      const tokens = [await t.login('student1@psu.exchange.test'), await t.login('student3@psu.exchange.test')];
      const ids: string[] = [];
      for (const token of tokens) {
        // The seeded applications of these students are on another call.
        const draft = await t.request({ method: 'POST', url: '/api/v1/applications', token, payload: { callId } });
        expect(draft.statusCode).toBe(201);
        const id = draft.json().id;
        ids.push(id);
        await t.request({ method: 'PATCH', url: `/api/v1/applications/${id}`, token, payload: { preferences: [{ quotaId: quotaIds[0], rank: 1 }], motivation: 'Motivated.', gpa: 4.2, languageCertificates: [hsk4], ...identity } });
        for (const type of ['motivation_letter', 'transcript']) expect((await upload(token, id, type, `${type}.pdf`, sampleFiles.pdf)).statusCode).toBe(201);
      }
      now = zonedLocalToInstant(`${closingDay}T23:58`, 'Europe/Moscow');
      expect((await t.request({ method: 'POST', url: `/api/v1/applications/${ids[0]}/submit`, token: tokens[0] })).statusCode).toBe(200);
      const nextDay = instantToZonedLocal(new Date(closesAt.getTime() + 60_000), 'Europe/Moscow').slice(0, 10);
      now = zonedLocalToInstant(`${nextDay}T00:00`, 'Europe/Moscow');
      const late = await t.request({ method: 'POST', url: `/api/v1/applications/${ids[1]}/submit`, token: tokens[1] });
      expect(late.statusCode).toBe(409);
      expect(problemOf(late).code).toBe('call_closed');
      // Nor can the first student withdraw after the close.
      expect((await t.request({ method: 'POST', url: `/api/v1/applications/${ids[0]}/withdraw`, token: tokens[0] })).statusCode).toBe(409);
    } finally {
      process.env.TZ = zone;
      now = new Date();
    }
  });
});

describe('exports', () => {
  it('writes CSV with formula-looking cells made inert, and a real XLSX workbook', async () => {
    const sneaky = await t.login('student2@psu.exchange.test');
    // A name that a spreadsheet would run as a formula.
    const admin = await t.login('admin@exchange.test');
    const me = (await t.request({ method: 'GET', url: '/api/v1/me', token: sneaky })).json();
    for (const fullName of ['=HYPERLINK("http://evil.example","x")', '+1+2', '-3', '@SUM(A1)']) {
      await t.request({ method: 'PATCH', url: `/api/v1/users/${me.id}`, token: admin, payload: { fullName } });
      const csv = await t.request({ method: 'GET', url: '/api/v1/applications/export.csv', token: coordinator });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.headers['content-disposition']).toMatch(/^attachment;/);
      const line = csv.body.split('\r\n').find((row) => row.includes('student2@psu.exchange.test'))!;
      expect(line.startsWith(`"'${fullName.replace(/"/g, '""')}"`)).toBe(true);
    }
    const xlsx = await t.request({ method: 'GET', url: '/api/v1/applications/export.xlsx', token: coordinator });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Student');
    expect(sheet.rowCount).toBeGreaterThan(2);

    const student4 = await t.request({ method: 'GET', url: '/api/v1/applications/export.csv', token: student });
    expect(student4.statusCode).toBe(403);
  });

  it('speaks the reader’s language: headers, statuses, documents and times in the home zone', async () => {
    const header = (body: string) => body.replace(/^\uFEFF/, '').split('\r\n')[0];
    const rowOf = (body: string, email: string) => body.split('\r\n').find((row) => row.includes(email))!;
    const submitted = (await t.request({ method: 'GET', url: '/api/v1/applications?status=submitted&limit=100', token: coordinator }))
      .json()
      .items.find((item: { submittedAt: string | null }) => item.submittedAt);
    expect(submitted).toBeDefined();

    // English by default: readable headers, statuses in words.
    const english = await t.request({ method: 'GET', url: '/api/v1/applications/export.csv?status=submitted', token: coordinator });
    expect(english.body.startsWith('\uFEFF')).toBe(true);
    expect(header(english.body)).toBe('"Student","Name in Latin letters","E-mail","Status","Submitted","GPA (5-point scale)","Score (0–100)","Eligible","Preferences","Documents","Review comment"');
    expect(rowOf(english.body, submitted.student.email)).toContain('"Submitted"');
    // The name as in the passport, next to the native one: what the partner's paperwork needs.
    expect(submitted.fullNameLatin).toBeTruthy();
    expect(rowOf(english.body, submitted.student.email)).toContain(`"${submitted.student.fullName}","${submitted.fullNameLatin}","${submitted.student.email}"`);

    // Russian from Accept-Language; the time at Penza with the zone's name and offset.
    const russian = await t.request({ method: 'GET', url: '/api/v1/applications/export.csv?status=submitted', token: coordinator, headers: { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' } });
    expect(russian.statusCode).toBe(200);
    expect(header(russian.body)).toBe('"Студент","Имя латиницей","Эл. почта","Статус","Подана","Средний балл (из 5)","Балл (0–100)","Допущена к отбору","Приоритеты","Документы","Комментарий к оценке"');
    const penza = new Intl.DateTimeFormat('ru-RU', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Moscow' })
      .format(new Date(submitted.submittedAt))
      .replace(',', '');
    const russianRow = rowOf(russian.body, submitted.student.email);
    expect(russianRow).toContain('"Подана"');
    expect(russianRow).toContain(`"${penza} (московское время, UTC+3)"`);
    if (submitted.documents.some((document: { type: string }) => document.type === 'transcript')) expect(russianRow).toContain('Выписка оценок');

    // Chinese from Accept-Language, and ?lang= wins over the header.
    const chinese = await t.request({ method: 'GET', url: '/api/v1/applications/export.csv?status=submitted', token: coordinator, headers: { 'accept-language': 'zh-CN' } });
    expect(header(chinese.body)).toBe('"学生","拉丁字母姓名","电子邮箱","状态","提交时间","平均绩点（5 分制）","评分（0–100）","是否符合条件","志愿","材料","评语"');
    expect(rowOf(chinese.body, submitted.student.email)).toContain('"已提交"');
    const chosen = await t.request({ method: 'GET', url: '/api/v1/applications/export.csv?status=submitted&lang=zh', token: coordinator, headers: { 'accept-language': 'ru' } });
    expect(header(chosen.body)).toBe(header(chinese.body));
    expect((await t.request({ method: 'GET', url: '/api/v1/applications/export.csv?lang=fr', token: coordinator })).statusCode).toBe(400);

    // The workbook too: its sheet and header row.
    const xlsx = await t.request({ method: 'GET', url: '/api/v1/applications/export.xlsx', token: coordinator, headers: { 'accept-language': 'ru' } });
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    expect(workbook.worksheets[0]!.name).toBe('Заявки');
    expect(workbook.worksheets[0]!.getRow(1).getCell(1).value).toBe('Студент');
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
    const ineligible = (await t.request({ method: 'GET', url: '/api/v1/applications?status=ineligible', token: await t.login('student5@psu.exchange.test') })).json().items[0];
    if (ineligible) expect(ineligible.review.comment).toBeTruthy();
  });
});

describe('a call with one line', () => {
  it('starts each draft with that line chosen; a call with more lines leaves the choice to the student', async () => {
    const single = await t.request({
      method: 'POST',
      url: '/api/v1/calls',
      token: coordinator,
      payload: {
        title: { en: 'One line to Baoji', ru: 'Одно направление в Баоцзи', zh: '一个名额方向' },
        academicYear: '2025/2026',
        mobilityType: 'semester',
        opensAt: new Date(Date.now() - 3600_000).toISOString(),
        closesAt: closesAt.toISOString(),
        maxPreferences: 1,
        requiredDocuments: [],
        quotaIds: [quotaIds[0]],
        status: 'published',
      },
    });
    expect(single.statusCode).toBe(201);
    const other = await t.login('student2@psu.exchange.test');
    const draft = await t.request({ method: 'POST', url: '/api/v1/applications', token: other, payload: { callId: single.json().id } });
    expect(draft.statusCode).toBe(201);
    expect(draft.json().preferences).toEqual([{ quotaId: quotaIds[0], rank: 1 }]);
    const saved = (await t.request({ method: 'GET', url: `/api/v1/applications/${draft.json().id}`, token: other })).json();
    expect(saved.preferences).toEqual([{ quotaId: quotaIds[0], rank: 1 }]);

    const several = await t.request({ method: 'POST', url: '/api/v1/applications', token: other, payload: { callId } });
    expect(several.statusCode).toBe(201);
    expect(several.json().preferences).toEqual([]);
  });
});
