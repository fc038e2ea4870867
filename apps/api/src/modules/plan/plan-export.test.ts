/** The plan's report in the reader's language: XLSX read back with exceljs, PDF with its fonts embedded. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helper.js';

let t: TestContext;
let token = '';
let agreementId = '';
beforeAll(async () => {
  // 10 August 2026: the summer school (due 31 July, in progress) is late.
  t = await createTestContext({ clock: () => new Date('2026-08-10T06:00:00Z') });
  token = await t.login('coordinator@psu.exchange.test');
  agreementId = (await t.request({ method: 'GET', url: '/api/v1/agreements', token })).json().items[0].id;
}, 120_000);
afterAll(() => t?.close());

async function workbookOf(query: string, headers: Record<string, string> = {}) {
  const response = await t.request({ method: 'GET', url: `/api/v1/agreements/${agreementId}/plan/export.xlsx${query}`, token, headers });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook;
}
const rowsOf = (sheet: ExcelJS.Worksheet) => {
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((cell) => String(cell ?? ''))));
  return rows;
};

describe('plan report', () => {
  it('opens as a workbook in Chinese with the items, the overdue mark and the progress', async () => {
    const workbook = await workbookOf('?lang=zh');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['措施计划', '执行情况']);
    const rows = rowsOf(workbook.worksheets[0]!);
    expect(rows[0]![0]).toBe('关于学生交流和国际文化中心的三方协议');
    expect(rows[2]).toEqual(['序号', '措施', '截止日期', '负责方', '状态', '说明', '已逾期']);
    const summer = rows.find((row) => row[1] === '铁道运输工程联合暑期学校')!;
    expect(summer[3]).toContain('(BRI)');
    expect(summer[4]).toBe('进行中');
    expect(summer[6]).toBe('已逾期');
    const progress = rowsOf(workbook.worksheets[1]!);
    expect(progress[0]).toEqual(['按合作方']);
    expect(progress.find((row) => row[0] === '合计')).toEqual(['合计', '1', '1', '3', '0', '1', '5']);
  });

  it('speaks the reader’s language when no language is asked for', async () => {
    const workbook = await workbookOf('', { 'accept-language': 'ru-RU,ru;q=0.9' });
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['План мероприятий', 'Выполнение']);
    expect(rowsOf(workbook.worksheets[0]!).some((row) => row[6] === 'Просрочено')).toBe(true);
  });

  it('prints a PDF with the font embedded', async () => {
    const response = await t.request({ method: 'GET', url: `/api/v1/agreements/${agreementId}/plan/export.pdf?lang=zh`, token });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const bytes = response.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = bytes.toString('latin1');
    expect(text).toContain('/FontFile2');
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
  });

  it('answers 404 for an agreement that does not exist', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/agreements/00000000-0000-4000-8000-000000000000/plan/export.pdf', token });
    expect(response.statusCode).toBe(404);
  });
});
