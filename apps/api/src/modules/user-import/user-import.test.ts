import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, problemOf, sampleFiles, type TestContext } from '../../test/helper.js';
import { csvOf, followImport, sendList, writtenCounts, xlsxOf, type ListRow } from '../../test/fixtures/student-lists.js';

let t: TestContext;
let admin: string;
let psuCoordinator: string;

beforeAll(async () => {
  t = await createTestContext();
  [admin, psuCoordinator] = await Promise.all([t.login('admin@exchange.test'), t.login('coordinator@psu.exchange.test')]);
});
afterAll(() => t?.close());

const header: ListRow = ['Эл. почта', 'ФИО', 'ФИО латиницей', 'Язык', 'Уровень обучения'];
const small: ListRow[] = [
  header,
  ['anna.ivanova@psu.example.test', 'Анна Иванова', 'Anna Ivanova', 'русский', 'Бакалавриат'],
  ['Petr.Smirnov@psu.example.test', 'Пётр Смирнов', 'Petr Smirnov', 'en', '7'],
  ['not-an-address', 'Без Адреса', '', 'ru', '6'],
];

describe('importing students', () => {
  it('guesses the columns from a Russian header and previews without writing anything', async () => {
    const before = await writtenCounts(t);
    const preview = await sendList(t, psuCoordinator, { name: 'students.csv', content: csvOf(small, ';') });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      columns: header,
      mapping: { email: 0, fullName: 1, fullNameLatin: 2, locale: 3, studyLevel: 4 },
      total: 3,
      toCreate: 2,
      unchanged: 0,
      errorRows: 1,
      errors: [{ row: 4, field: 'email', code: 'invalid_email', value: 'not-an-address' }],
    });
    expect(await writtenCounts(t)).toEqual(before);
  });

  it('imports the valid rows with their level and language, and a second import changes nothing', async () => {
    const started = await sendList(t, psuCoordinator, { name: 'students.xlsx', content: await xlsxOf(small) }, { dryRun: false });
    expect(started.statusCode).toBe(202);
    const { final } = await followImport(t, psuCoordinator, started.json().id);
    expect(final).toMatchObject({ status: 'done', total: 2, processed: 2, created: 2, unchanged: 0, errors: [{ row: 4, code: 'invalid_email' }] });

    const [petr] = await t.database.rows<{ locale: string; study_level: number; full_name_latin: string; password_hash: string | null }>(
      `select u.locale, p.study_level, u.full_name_latin, u.password_hash from users u join student_profiles p on p.user_id = u.id where u.email = 'petr.smirnov@psu.example.test'`,
    );
    expect(petr).toEqual({ locale: 'en', study_level: 7, full_name_latin: 'Petr Smirnov', password_hash: null });
    const mails = await t.database.rows<{ link_path: string; locale: string }>(
      `select link_path, locale from mail_outbox where to_address = 'anna.ivanova@psu.example.test'`,
    );
    expect(mails).toEqual([{ link_path: expect.stringMatching(/^\/invitation\//), locale: 'ru' }]);

    const before = await writtenCounts(t);
    const again = await sendList(t, psuCoordinator, { name: 'students.csv', content: csvOf(small) }, { dryRun: false });
    const repeat = await followImport(t, psuCoordinator, again.json().id);
    expect(repeat.final).toMatchObject({ status: 'done', created: 0, unchanged: 2 });
    const after = await writtenCounts(t);
    expect({ ...after, imports: before.imports }).toEqual(before);
  });

  it('takes the mapping the user chose over the guess', async () => {
    const rows: ListRow[] = [
      ['Column one', 'Column two'],
      ['Li Wei', 'li.wei@psu.example.test'],
    ];
    const guessed = await sendList(t, psuCoordinator, { name: 'list.csv', content: csvOf(rows) });
    expect(problemOf(guessed).code).toBe('mapping_incomplete');
    const mapped = await sendList(t, psuCoordinator, { name: 'list.csv', content: csvOf(rows) }, { mapping: { email: 1, fullName: 0 } });
    expect(mapped.json()).toMatchObject({ toCreate: 1, errorRows: 0 });
    const outside = await sendList(t, psuCoordinator, { name: 'list.csv', content: csvOf(rows) }, { mapping: { email: 5, fullName: 0 } });
    expect(problemOf(outside).code).toBe('mapping_invalid');
  });

  it('reads a CSV saved by Russian Excel in Windows-1251', async () => {
    const text = 'Email;ФИО\r\nolga@psu.example.test;Ольга Петрова\r\n';
    const content = Buffer.from(
      [...text].map((char) =>
        char.charCodeAt(0) < 128 ? char.charCodeAt(0) : 0xc0 + 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя'.indexOf(char),
      ),
    );
    const preview = await sendList(t, psuCoordinator, { name: 'list.csv', content });
    expect(preview.json()).toMatchObject({ columns: ['Email', 'ФИО'], toCreate: 1, errorRows: 0 });
  });
});

describe('refused files write nothing', () => {
  const refusals: [string, () => Promise<{ name: string; content: Buffer }>, number, string][] = [
    ['a PDF named .csv', async () => ({ name: 'students.csv', content: sampleFiles.pdf }), 415, 'unsupported_file_type'],
    ['a program named .xlsx', async () => ({ name: 'students.xlsx', content: sampleFiles.exe }), 415, 'unsupported_file_type'],
    [
      'a zip that is no workbook',
      async () => ({ name: 'students.xlsx', content: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]) }),
      415,
      'unsupported_file_type',
    ],
    [
      'a formula in a CSV cell',
      async () => ({ name: 'students.csv', content: csvOf([...small, ['x@psu.example.test', '=HYPERLINK("http://evil.test","Click")', '', '', '']]) }),
      422,
      'formula_in_cell',
    ],
    [
      'an @-command in a CSV cell',
      async () => ({ name: 'students.csv', content: csvOf([...small, ['y@psu.example.test', '@SUM(1+1)*cmd|" /C calc"!A0', '', '', '']]) }),
      422,
      'formula_in_cell',
    ],
    ['a formula in an XLSX cell', async () => ({ name: 'students.xlsx', content: await xlsxOf(small, { formulaAt: [3, 2] }) }), 422, 'formula_in_cell'],
    [
      '50,000 rows',
      async () => ({
        name: 'students.csv',
        content: csvOf([header, ...Array.from({ length: 50_000 }, (_, i) => [`s${i}@psu.example.test`, `Student ${i}`, '', '', ''])]),
      }),
      422,
      'too_many_rows',
    ],
    [
      'a row of another institution',
      async () => ({
        name: 'students.csv',
        content: csvOf([
          ['Email', 'Name', 'Institution'],
          ['z@psu.example.test', 'Z', 'PSU'],
          ['w@buas.example.test', 'W', 'BUAS'],
        ]),
      }),
      422,
      'foreign_institution',
    ],
  ];

  for (const [what, file, status, code] of refusals) {
    it(`refuses ${what}, previewed or imported`, async () => {
      const before = await writtenCounts(t);
      for (const dryRun of [true, false]) {
        const response = await sendList(t, psuCoordinator, await file(), { dryRun });
        expect(response.statusCode).toBe(status);
        expect(problemOf(response).code).toBe(code);
      }
      expect(await writtenCounts(t)).toEqual(before);
    });
  }

  it('says how many rows a file may have', async () => {
    const rows = [header, ...Array.from({ length: 10_001 }, (_, i) => [`s${i}@psu.example.test`, `Student ${i}`, '', '', ''])];
    const response = await sendList(t, psuCoordinator, { name: 'big.csv', content: csvOf(rows) });
    expect(problemOf(response).detail).toContain('at most 10000');
  });

  it('answers a coordinator naming another institution as if it did not exist, and asks an administrator to choose one', async () => {
    const buas = await t.institutionId('BUAS');
    const foreign = await sendList(t, psuCoordinator, { name: 'students.csv', content: csvOf(small) }, { institutionId: buas, dryRun: false });
    expect(foreign.statusCode).toBe(404);
    const unnamed = await sendList(t, admin, { name: 'students.csv', content: csvOf(small) }, { dryRun: false });
    expect(problemOf(unnamed).code).toBe('institution_required');
    const preview = await sendList(t, admin, { name: 'students.csv', content: csvOf(small) });
    expect(problemOf(preview).code).toBe('institution_required');
  });

  it('refuses a row whose name in Latin letters is written in another script, as the profile does', async () => {
    const rows: ListRow[] = [
      header,
      ['olga.latin@psu.example.test', 'Ольга Латинова', 'Ольга Латинова', 'ru', '6'],
      ['li.latin@psu.example.test', '李拉丁', '李拉丁', 'zh', '6'],
      ['jose.latin@psu.example.test', 'Хосе Нуньес', "José Núñez-O'Neil", 'en', '7'],
    ];
    const preview = await sendList(t, psuCoordinator, { name: 'latin.csv', content: csvOf(rows) });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      toCreate: 1,
      errorRows: 2,
      errors: [
        { row: 2, field: 'fullNameLatin', code: 'not_latin', value: 'Ольга Латинова' },
        { row: 3, field: 'fullNameLatin', code: 'not_latin', value: '李拉丁' },
      ],
    });
  });

  it('lets nobody but the importing institution and an administrator read an import', async () => {
    const started = await sendList(t, psuCoordinator, { name: 'students.csv', content: csvOf(small) }, { dryRun: false });
    await followImport(t, psuCoordinator, started.json().id);
    const buasCoordinator = await t.login('coordinator@buas.exchange.test');
    expect((await t.request({ method: 'GET', url: `/api/v1/users/imports/${started.json().id}`, token: buasCoordinator })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/users/imports/${started.json().id}`, token: admin })).statusCode).toBe(200);
  });
});
