/**
 * Applications on their way out: the identity the border needs, the deadline in the home zone, and the exports of
 * what was submitted (which need those submissions). A call with one line: applications-calls.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { instantToZonedLocal, zonedLocalToInstant } from '@exchange/shared';
import { applicationsFixture, closesAt, closingDay, hsk4, identity } from '../../test/fixtures/applications.js';
import { problemOf, sampleFiles, type TestContext } from '../../test/helper.js';

const { f, upload } = applicationsFixture();
let t: TestContext;
let coordinator: string;
let student: string;
let callId: string;
let quotaIds: string[];
beforeAll(() => {
  ({ t, coordinator, student, callId, quotaIds } = f);
});

describe('identity for the border', () => {
  let newcomer: string;
  let strictCall: string;
  const call = async (extra: Record<string, unknown>) => {
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/calls',
      token: coordinator,
      payload: {
        title: { en: 'Spring semester in Baoji', ru: 'Весенний семестр в Баоцзи', zh: '宝鸡春季学期' },
        academicYear: '2025/2026',
        mobilityType: 'semester',
        opensAt: new Date(Date.now() - 3600_000).toISOString(),
        closesAt: closesAt.toISOString(),
        maxPreferences: 2,
        quotaIds,
        status: 'published',
        ...extra,
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
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      token: admin,
      payload: { email, fullName: 'Анна Иванова', role: 'student', institutionId: await t.institutionId('PSU'), password },
    });
    expect(created.statusCode).toBe(201);
    newcomer = await t.login(email, password);
    const strict = await call({
      requiredIdentity: ['birthDate', 'citizenship', 'sex', 'passportExpiresOn'],
      languageRequirement: { language: 'zh', scale: 'HSK', level: '5' },
    });
    expect(strict.requiredIdentity).toEqual(['birthDate', 'citizenship', 'sex', 'passportExpiresOn']);
    strictCall = strict.id;
  });

  it('refuses malformed identity data: a Cyrillic "Latin" name, a lower-case country, a sex outside ISO 5218', async () => {
    const draft = (await t.request({ method: 'POST', url: '/api/v1/applications', token: newcomer, payload: { callId: strictCall } })).json();
    const refused = await patch(draft.id, {
      fullNameLatin: 'Анна Иванова',
      citizenship: 'ru',
      sex: 3,
      birthDate: '2999-01-01',
      passportNumber: '№ 56 99',
    });
    expect(refused.statusCode).toBe(400);
    const paths = problemOf(refused).errors!.map((error: { path: string }) => error.path);
    for (const field of ['fullNameLatin', 'citizenship', 'sex', 'birthDate', 'passportNumber']) expect(paths).toContain(`body.${field}`);
    const after = (await t.request({ method: 'GET', url: `/api/v1/applications/${draft.id}`, token: newcomer })).json();
    expect(after).toMatchObject({ fullNameLatin: null, citizenship: null, sex: null, birthDate: null, passportNumber: null });
  });

  it('asks for what the call names and the language level it requires, then keeps the identity for the next application', async () => {
    const id = (await t.request({ method: 'GET', url: `/api/v1/applications?callId=${strictCall}`, token: newcomer })).json().items[0].id;
    expect(
      (
        await patch(id, {
          preferences: [{ quotaId: quotaIds[0], rank: 1 }],
          motivation: 'Motivated.',
          gpa: 4.5,
          ...identity,
          languageCertificates: [hsk4],
        })
      ).statusCode,
    ).toBe(200);

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
        await t.request({
          method: 'PATCH',
          url: `/api/v1/applications/${id}`,
          token,
          payload: {
            preferences: [{ quotaId: quotaIds[0], rank: 1 }],
            motivation: 'Motivated.',
            gpa: 4.2,
            languageCertificates: [hsk4],
            ...identity,
          },
        });
        for (const type of ['motivation_letter', 'transcript']) expect((await upload(token, id, type, `${type}.pdf`, sampleFiles.pdf)).statusCode).toBe(201);
      }
      f.now = zonedLocalToInstant(`${closingDay}T23:58`, 'Europe/Moscow');
      expect((await t.request({ method: 'POST', url: `/api/v1/applications/${ids[0]}/submit`, token: tokens[0] })).statusCode).toBe(200);
      const nextDay = instantToZonedLocal(new Date(closesAt.getTime() + 60_000), 'Europe/Moscow').slice(0, 10);
      f.now = zonedLocalToInstant(`${nextDay}T00:00`, 'Europe/Moscow');
      const late = await t.request({ method: 'POST', url: `/api/v1/applications/${ids[1]}/submit`, token: tokens[1] });
      expect(late.statusCode).toBe(409);
      expect(problemOf(late).code).toBe('call_closed');
      // Nor can the first student withdraw after the close.
      expect((await t.request({ method: 'POST', url: `/api/v1/applications/${ids[0]}/withdraw`, token: tokens[0] })).statusCode).toBe(409);
    } finally {
      process.env.TZ = zone;
      f.now = new Date();
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
    expect(header(english.body)).toBe(
      '"Student","Name in Latin letters","E-mail","Status","Submitted","GPA (5-point scale)","Score (0–100)","Eligible","Preferences","Documents","Review comment"',
    );
    expect(rowOf(english.body, submitted.student.email)).toContain('"Submitted"');
    // The name as in the passport, next to the native one: what the partner's paperwork needs.
    expect(submitted.fullNameLatin).toBeTruthy();
    expect(rowOf(english.body, submitted.student.email)).toContain(`"${submitted.student.fullName}","${submitted.fullNameLatin}","${submitted.student.email}"`);

    // Russian from Accept-Language; the time at Penza with the zone's name and offset.
    const russian = await t.request({
      method: 'GET',
      url: '/api/v1/applications/export.csv?status=submitted',
      token: coordinator,
      headers: { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' },
    });
    expect(russian.statusCode).toBe(200);
    expect(header(russian.body)).toBe(
      '"Студент","Имя латиницей","Эл. почта","Статус","Подана","Средний балл (из 5)","Балл (0–100)","Допущена к отбору","Приоритеты","Документы","Комментарий к оценке"',
    );
    const penza = new Intl.DateTimeFormat('ru-RU', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Europe/Moscow',
    })
      .format(new Date(submitted.submittedAt))
      .replace(',', '');
    const russianRow = rowOf(russian.body, submitted.student.email);
    expect(russianRow).toContain('"Подана"');
    expect(russianRow).toContain(`"${penza} (московское время, UTC+3)"`);
    if (submitted.documents.some((document: { type: string }) => document.type === 'transcript')) expect(russianRow).toContain('Выписка оценок');

    // Chinese from Accept-Language, and ?lang= wins over the header.
    const chinese = await t.request({
      method: 'GET',
      url: '/api/v1/applications/export.csv?status=submitted',
      token: coordinator,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(header(chinese.body)).toBe(
      '"学生","拉丁字母姓名","电子邮箱","状态","提交时间","平均绩点（5 分制）","评分（0–100）","是否符合条件","志愿","材料","评语"',
    );
    expect(rowOf(chinese.body, submitted.student.email)).toContain('"已提交"');
    const chosen = await t.request({
      method: 'GET',
      url: '/api/v1/applications/export.csv?status=submitted&lang=zh',
      token: coordinator,
      headers: { 'accept-language': 'ru' },
    });
    expect(header(chosen.body)).toBe(header(chinese.body));
    expect((await t.request({ method: 'GET', url: '/api/v1/applications/export.csv?lang=fr', token: coordinator })).statusCode).toBe(400);

    // The workbook too: its sheet and header row.
    const xlsx = await t.request({
      method: 'GET',
      url: '/api/v1/applications/export.xlsx',
      token: coordinator,
      headers: { 'accept-language': 'ru' },
    });
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    expect(workbook.worksheets[0]!.name).toBe('Заявки');
    expect(workbook.worksheets[0]!.getRow(1).getCell(1).value).toBe('Студент');
  });
});
