/**
 * Files that are small on the wire but would take the server's memory or cannot be read: too
 * many columns, a workbook that unpacks to far more than it weighs. Refused at once, whole,
 * with a message naming the problem, and nothing written.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, problemOf, type TestContext } from '../../test/helper.js';
import { csvOf, sendList, writtenCounts, xlsxOf } from '../../test/fixtures/student-lists.js';

let t: TestContext;
let psuCoordinator: string;

beforeAll(async () => {
  t = await createTestContext();
  psuCoordinator = await t.login('coordinator@psu.exchange.test');
}, 120_000);
afterAll(() => t?.close());

/** Sends the list and expects it refused within a few seconds, having written nothing. */
async function refusedQuickly(file: { name: string; content: Buffer }) {
  const before = await writtenCounts(t);
  const started = Date.now();
  const response = await sendList(t, psuCoordinator, file, { dryRun: false });
  expect(Date.now() - started).toBeLessThan(5000);
  expect(await writtenCounts(t)).toEqual(before);
  return response;
}

describe('a file built to exhaust the server', () => {
  it('refuses a CSV header of 100,000 commas', async () => {
    const content = Buffer.from(`email,name${','.repeat(100_000)}\r\nanna@psu.example.test,Анна\r\n`);
    const response = await refusedQuickly({ name: 'wide.csv', content });
    expect(response.statusCode).toBe(422);
    expect(problemOf(response).code).toBe('too_many_columns');
    expect(problemOf(response).detail).toMatch(/more than 50 columns/);
  });

  it('refuses a CSV record longer than any list has', async () => {
    const content = csvOf([
      ['email', 'name'],
      ['anna@psu.example.test', 'А'.repeat(200_000)],
    ]);
    const response = await refusedQuickly({ name: 'long.csv', content });
    expect(response.statusCode).toBe(422);
    expect(problemOf(response).code).toBe('unreadable_file');
  });

  it('refuses a workbook with a cell at XFD1', async () => {
    const workbook = await xlsxOf([
      ['email', 'name'],
      ['anna@psu.example.test', 'Анна'],
    ]);
    const zip = await JSZip.loadAsync(workbook);
    const path = 'xl/worksheets/sheet1.xml';
    const sheet = (await zip.file(path)!.async('string')).replace('</row>', '<c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>');
    zip.file(path, sheet);
    const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const response = await refusedQuickly({ name: 'far.xlsx', content });
    expect(response.statusCode).toBe(422);
    expect(problemOf(response).code).toBe('too_many_columns');
  });

  it('refuses a workbook that unpacks to more than 50 MB, however small it is', async () => {
    const zip = await JSZip.loadAsync(await xlsxOf([['email', 'name']]));
    zip.file('xl/media/padding.bin', Buffer.alloc(60 * 1024 * 1024));
    const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(content.length).toBeLessThan(1024 * 1024);
    const response = await refusedQuickly({ name: 'bomb.xlsx', content });
    expect(response.statusCode).toBe(422);
    expect(problemOf(response).code).toBe('workbook_too_large');
  });

  it('still reads an ordinary workbook', async () => {
    const content = await xlsxOf([
      ['E-mail', 'Full name'],
      ['li.wei@psu.example.test', 'Li Wei'],
    ]);
    const response = await sendList(t, psuCoordinator, { name: 'list.xlsx', content });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ total: 1, toCreate: 1 });
  });
});
