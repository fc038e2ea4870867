/**
 * A whole intake at once: 2,000 students with 5 bad rows, as CSV (PSU's coordinator) and as
 * XLSX (an administrator for BUAS). Heavy: kept apart from the other import tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helper.js';
import { csvOf, followImport, sendList, writtenCounts, xlsxOf, type ListRow } from '../../test/fixtures/student-lists.js';

let t: TestContext;
let admin: string;
let psuCoordinator: string;

beforeAll(async () => {
  t = await createTestContext();
  [admin, psuCoordinator] = await Promise.all([t.login('admin@exchange.test'), t.login('coordinator@psu.exchange.test')]);
}, 120_000);
afterAll(() => t?.close());

const levels = ['6', 'Master', 'аспирантура', '本科'];
const languages = ['ru', 'Chinese', 'английский', '俄语'];

/** A name in Latin letters for row `i` (as on a passport: letters only): Aa, Ab, … */
const latinName = (i: number) => `Student ${String.fromCharCode(65 + (Math.floor(i / 676) % 26), 97 + (Math.floor(i / 26) % 26), 97 + (i % 26))}`;

/** 2,000 rows (spreadsheet rows 2–2001) with five bad ones, and the errors the preview must name. */
function intake(domain: string) {
  const rows: ListRow[] = [['E-mail', 'Full name', 'Name (Latin)', 'Language', 'Level of study']];
  for (let i = 0; i < 2000; i++) rows.push([`student${i}@${domain}`, `Студент ${i}`, latinName(i), languages[i % 4]!, levels[i % 4]!]);
  rows[101]![0] = `student3@${domain}`; // row 102: the e-mail of row 5
  rows[502]![0] = 'student1@buas.exchange.test'; // row 503: a BUAS demo student (taken for PSU; for BUAS, not a new account)
  rows[903]![0] = 'student903(at)example'; // row 904
  rows[1404]![4] = 'postgraduate school'; // row 1405
  rows[1905]![3] = 'Klingon'; // row 1906
  return rows;
}

const expectedErrors = (takenCode: string) => [
  { row: 102, field: 'email', code: 'duplicate_in_file' },
  ...(takenCode ? [{ row: 503, field: 'email', code: takenCode }] : []),
  { row: 904, field: 'email', code: 'invalid_email' },
  { row: 1405, field: 'studyLevel', code: 'unknown_study_level' },
  { row: 1906, field: 'locale', code: 'unknown_language' },
];

async function invitationsTo(domain: string) {
  const [row] = await t.database.rows<{ mails: number; links: number }>(
    `select count(*)::int as mails, count(distinct link_path) filter (where link_path like '/invitation/%')::int as links from mail_outbox where to_address like '%@${domain}'`,
  );
  return row!;
}

describe('a bulk import of 2,000 students', () => {
  it('previews, imports and re-imports a CSV: 1,995 accounts and invitations, then nothing new', { timeout: 600_000 }, async () => {
    const file = { name: 'intake-2026.csv', content: csvOf(intake('psu.example.test')) };
    const preview = await sendList(t, psuCoordinator, file);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ total: 2000, toCreate: 1995, unchanged: 0, errorRows: 5 });
    expect(preview.json().errors).toMatchObject(expectedErrors('email_taken'));
    expect(preview.json().errors).toHaveLength(5);

    const started = await sendList(t, psuCoordinator, file, { dryRun: false });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ status: 'running', total: 1995 });
    const { final, readings } = await followImport(t, psuCoordinator, started.json().id);
    expect(final).toMatchObject({ status: 'done', total: 1995, processed: 1995, created: 1995, unchanged: 0 });
    expect(final.errors.map((error) => error.row)).toEqual([102, 503, 904, 1405, 1906]);
    // Progress only grows, and was seen part-way.
    const processed = readings.map((reading) => reading.processed);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    expect(processed.some((value) => value > 0 && value < 1995)).toBe(true);

    const [accounts] = await t.database.rows<{ count: number }>(
      `select count(*)::int from users u join institutions i on i.id = u.institution_id where u.email like '%@psu.example.test' and i.code = 'PSU' and u.role = 'student' and u.password_hash is null`,
    );
    expect(accounts!.count).toBe(1995);
    expect(await invitationsTo('psu.example.test')).toEqual({ mails: 1995, links: 1995 });

    const before = await writtenCounts(t);
    const again = await sendList(t, psuCoordinator, file, { dryRun: false });
    const repeat = await followImport(t, psuCoordinator, again.json().id);
    expect(repeat.final).toMatchObject({ status: 'done', created: 0, unchanged: 1995 });
    expect(await writtenCounts(t)).toEqual({ ...before, imports: before.imports + 1 });
  });

  it('does the same from an XLSX file for an institution an administrator chooses', { timeout: 600_000 }, async () => {
    const buas = await t.institutionId('BUAS');
    const file = { name: 'intake-2026.xlsx', content: await xlsxOf(intake('buas.example.test')) };
    const preview = await sendList(t, admin, file, { institutionId: buas });
    // BUAS's own demo student is already there: unchanged, not an error.
    expect(preview.json()).toMatchObject({ total: 2000, toCreate: 1995, unchanged: 1, errorRows: 4 });
    expect(preview.json().errors).toMatchObject(expectedErrors(''));

    const started = await sendList(t, admin, file, { dryRun: false, institutionId: buas });
    const { final } = await followImport(t, admin, started.json().id);
    expect(final).toMatchObject({ status: 'done', total: 1996, processed: 1996, created: 1995, unchanged: 1 });
    expect(await invitationsTo('buas.example.test')).toEqual({ mails: 1995, links: 1995 });

    const again = await sendList(t, admin, file, { dryRun: false, institutionId: buas });
    expect((await followImport(t, admin, again.json().id)).final).toMatchObject({ created: 0, unchanged: 1996 });
    expect(await invitationsTo('buas.example.test')).toEqual({ mails: 1995, links: 1995 });
  });
});
