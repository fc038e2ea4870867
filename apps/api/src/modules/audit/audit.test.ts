import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helper.js';

let t: TestContext;
let admin: string;
let psuCoordinator: string;
let psu: string;
let buas: string;
let between: string;
type Entry = { action: string; actorEmail: string | null; institutionId: string | null; entityId: string | null; at: string; after: unknown };

const list = async (token: string, query: string) => {
  const response = await t.request({ method: 'GET', url: `/api/v1/audit?limit=100&${query}`, token });
  expect(response.statusCode).toBe(200);
  return response.json() as { items: Entry[]; total: number };
};

const invite = (token: string, email: string, fullName: string, institutionId: string, role = 'student') =>
  t.request({ method: 'POST', url: '/api/v1/users', token, payload: { email, fullName, role, institutionId } });

beforeAll(async () => {
  t = await createTestContext();
  [admin, psuCoordinator] = await Promise.all([t.login('admin@exchange.test'), t.login('coordinator@psu.exchange.test')]);
  [psu, buas] = [await t.institutionId('PSU'), await t.institutionId('BUAS')];
  await invite(admin, 'early@buas.exchange.test', 'Early Bird', buas, 'reviewer');
  await new Promise((resolve) => setTimeout(resolve, 20));
  between = new Date().toISOString();
  await invite(psuCoordinator, 'late@psu.exchange.test', '=HYPERLINK("http://evil.test","x")', psu);
  await invite(admin, 'late@buas.exchange.test', 'Late Student', buas);
});
afterAll(() => t?.close());

describe('the audit log', () => {
  it('narrows by action, person, institution and time, newest first', async () => {
    const invites = await list(admin, 'action=user.invite');
    expect(invites.items.map((entry) => entry.after && (entry.after as { email: string }).email)).toEqual([
      'late@buas.exchange.test',
      'late@psu.exchange.test',
      'early@buas.exchange.test',
    ]);
    // The start of an action names its family.
    expect((await list(admin, 'action=user.')).total).toBeGreaterThanOrEqual(3);
    expect((await list(admin, 'action=user.inv&actor=COORDINATOR@psu')).items.map((entry) => entry.actorEmail)).toEqual(['coordinator@psu.exchange.test']);
    expect((await list(admin, `action=user.invite&institutionId=${buas}`)).total).toBe(2);
    const later = await list(admin, `action=user.invite&from=${encodeURIComponent(between)}`);
    expect(later.total).toBe(2);
    const earlier = await list(admin, `action=user.invite&to=${encodeURIComponent(between)}`);
    expect(earlier.items.map((entry) => (entry.after as { email: string }).email)).toEqual(['early@buas.exchange.test']);
    const paged = await t.request({ method: 'GET', url: '/api/v1/audit?action=user.invite&limit=1&offset=1', token: admin });
    expect(paged.json()).toMatchObject({ total: 3, limit: 1, offset: 1, items: [{ after: { email: 'late@psu.exchange.test' } }] });
  });

  it('shows a coordinator their own institution’s entries only, whatever they ask for', async () => {
    const own = await list(psuCoordinator, 'action=user.invite');
    expect(own.items.map((entry) => entry.institutionId)).toEqual([psu]);
    const everything = await list(psuCoordinator, '');
    expect(everything.total).toBeGreaterThan(0);
    expect(everything.items.every((entry) => entry.institutionId === psu)).toBe(true);
    expect((await list(psuCoordinator, `institutionId=${buas}`)).total).toBe(0);
    expect((await list(psuCoordinator, 'actor=admin@exchange.test')).items.every((entry) => entry.institutionId === psu)).toBe(true);
  });

  it('exports the filtered entries as CSV with each change old → new, no cell starting a formula', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/audit/export.csv?action=user.invite&lang=en', token: admin });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = parse(response.body, { bom: true }) as string[][];
    expect(header).toEqual(['Time', 'Who', 'Institution', 'Action', 'Object', 'Object id', 'Changes (old → new)']);
    expect(rows.map((row) => row[3])).toEqual(['user.invite', 'user.invite', 'user.invite']);
    // The name is shown as typed, inside the line; no cell of the file starts a formula.
    expect(rows[1]![6]).toContain('fullName: — → =HYPERLINK("http://evil.test","x")');
    expect(rows.flat().filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
    expect(rows[1]![6]).toContain('email: — → late@psu.exchange.test');
    expect(rows[0]![2]).toBe('Baoji University of Arts and Sciences');
    expect(rows[0]![0]).toMatch(/\(Beijing time, UTC\+8\)$/);

    const coordinator = await t.request({ method: 'GET', url: '/api/v1/audit/export.csv?action=user.invite', token: psuCoordinator });
    expect(parse(coordinator.body, { bom: true })).toHaveLength(2);
  });

  it('exports the same entries as XLSX in the reader’s language, text cells only', async () => {
    const response = await t.request({ method: 'GET', url: `/api/v1/audit/export.xlsx?action=user.invite&institutionId=${buas}&lang=ru`, token: admin });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Журнал действий')!;
    expect(sheet.getRow(1).getCell(7).value).toBe('Изменения (было → стало)');
    expect(sheet.actualRowCount).toBe(3);
    expect(sheet.getRow(2).getCell(6).value).toEqual((await list(admin, `action=user.invite&institutionId=${buas}`)).items[0]!.entityId);
  });
});
