/**
 * An import belongs to one institution, whose staff read it back: an administrator chooses it,
 * and the errors of a list never tell that an address is in use at another institution.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, problemOf, type TestContext } from '../../test/helper.js';
import { csvOf, sendList, writtenCounts } from '../../test/fixtures/student-lists.js';

let t: TestContext;
let admin: string;
let psuCoordinator: string;
beforeAll(async () => {
  t = await createTestContext();
  [admin, psuCoordinator] = await Promise.all([t.login('admin@exchange.test'), t.login('coordinator@psu.exchange.test')]);
});
afterAll(() => t?.close());

const mixed = () => ({
  name: 'students.csv',
  content: csvOf([
    ['Email', 'Name', 'Institution'],
    ['z@psu.example.test', 'Z', 'PSU'],
    ['w@buas.example.test', 'W', 'BUAS'],
    ['not-an-address', 'Broken', 'BUAS'],
  ]),
});

describe('the institution of an import', () => {
  it('asks an administrator to choose it, for the dry run and the import', async () => {
    const before = await writtenCounts(t);
    for (const dryRun of [true, false]) {
      const response = await sendList(t, admin, mixed(), { dryRun });
      expect(response.statusCode).toBe(422);
      expect(problemOf(response).code).toBe('institution_required');
    }
    expect(await writtenCounts(t)).toEqual(before);
  });

  it('refuses an administrator’s list with rows of another institution than the chosen one, as a coordinator’s', async () => {
    const before = await writtenCounts(t);
    const psu = await t.institutionId('PSU');
    for (const dryRun of [true, false]) {
      const response = await sendList(t, admin, mixed(), { dryRun, institutionId: psu });
      expect(response.statusCode).toBe(422);
      expect(problemOf(response).code).toBe('foreign_institution');
    }
    expect(await writtenCounts(t)).toEqual(before);
    // So no coordinator of PSU reads the errors of BUAS's rows: there is no such import.
    const imports = await t.database.rows<{ count: number }>(`select count(*)::int as count from user_imports`);
    expect(imports[0]!.count).toBe(0);
  });

  it('does not tell whether an address is in use at another institution', async () => {
    const list = {
      name: 'students.csv',
      content: csvOf([
        ['Email', 'Name'],
        ['student1@buas.exchange.test', 'At BUAS'],
        ['nobody-here@bri.exchange.test', 'Unknown'],
        ['coordinator@bri.exchange.test', 'Staff at BRI'],
      ]),
    };
    const preview = await sendList(t, psuCoordinator, list);
    expect(preview.statusCode).toBe(200);
    const errors = preview.json().errors as { row: number; code: string; message: string }[];
    expect(errors.map((error) => [error.row, error.code, error.message])).toEqual([
      [2, 'email_taken', 'Cannot be imported: this e-mail cannot be used'],
      [4, 'email_taken', 'Cannot be imported: this e-mail cannot be used'],
    ]);
    expect(JSON.stringify(preview.json())).not.toMatch(/elsewhere|another institution|BUAS|BRI/);
  });
});
