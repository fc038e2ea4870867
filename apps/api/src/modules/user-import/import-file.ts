/**
 * Reads an uploaded student list into a header and rows of text, whatever its name says: an
 * XLSX workbook (its first sheet) or a CSV text file. The whole file is read and checked here
 * before anything is written: a file of another kind, a formula in any cell or more rows than
 * the limit refuse the file whole. Columns, record sizes and the unpacked size of a workbook
 * are bounded before the rows are widened to one width, so a small file cannot fill the memory.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { userImportMaxRows } from '@exchange/shared';
import { AppError } from '../../errors.js';
import { unpackedSize, workbookMaxUnpackedBytes } from './zip-entries.js';

/** A data row with its number as a spreadsheet shows it (the header is usually row 1). */
export type SheetRow = { line: number; cells: string[] };
export type Sheet = { columns: string[]; rows: SheetRow[] };

const zipSignature = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (content: Buffer, bytes: number[]) => content.length >= bytes.length && bytes.every((byte, index) => content[index] === byte);

/** Files that are known not to be a list, even when their first bytes happen to be text (`%PDF-`). */
const otherKinds = [
  [0x25, 0x50, 0x44, 0x46, 0x2d], // PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0xd0, 0xcf, 0x11, 0xe0], // Excel 97–2003 and other OLE2 documents
  [0x4d, 0x5a], // Windows programs
  [0x7f, 0x45, 0x4c, 0x46], // ELF programs
  [0x1f, 0x8b], // gzip
];

const unsupported = () => new AppError(415, 'unsupported_file_type', 'Upload the list as a CSV or XLSX file.');

/** A spreadsheet column's letters: 0 → A, 27 → AB. */
export const columnLetter = (index: number): string => (index >= 26 ? columnLetter(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));

/**
 * Cells a spreadsheet would run as a formula when the list is opened or exported again (OWASP
 * CSV injection). A phone number or a signed number (`+7 912 000-00-00`, `-5`) is plain text.
 */
export const looksLikeFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[+-][\d\s().-]*$/.test(cell);

function formulaRefused(row: number, column: number) {
  return new AppError(
    422,
    'formula_in_cell',
    `Cell ${columnLetter(column)}${row} holds a formula. Remove formulas (cells starting with = + - @) and upload again.`,
    {
      errors: [{ path: `file.${columnLetter(column)}${row}`, code: 'formula_in_cell', message: 'A formula is not imported' }],
    },
  );
}

function tooManyRows(rows: number) {
  return new AppError(422, 'too_many_rows', `The file has ${rows} rows; one import takes at most ${userImportMaxRows}. Split the list into several files.`, {
    errors: [{ path: 'file', code: 'too_many_rows', message: `At most ${userImportMaxRows} rows` }],
  });
}

/** At most this many columns: a student list has a handful; more would only be padding. */
export const importMaxColumns = 50;
/** The most characters one CSV record may hold. */
const csvMaxRecordChars = 64 * 1024;

function tooManyColumns(row: number) {
  return new AppError(422, 'too_many_columns', `Row ${row} has more than ${importMaxColumns} columns. Keep only the columns of the list and upload again.`, {
    errors: [{ path: 'file', code: 'too_many_columns', message: `At most ${importMaxColumns} columns` }],
  });
}

/** Text of a CSV: UTF-8 (with or without a byte-order mark) or, as Russian Excel saves it, Windows-1251. */
function decodeText(content: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    text = new TextDecoder('windows-1251').decode(content);
  }
  // Control characters other than tab and line ends mean the bytes are not text at all.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) throw unsupported();
  return text.replace(/^\uFEFF/, '');
}

/** The separator of the header line: Excel writes `;` where the decimal mark is a comma (ru). */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((candidate) => [candidate, header.split(candidate).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

type CsvEntry = { record: string[]; info: { lines: number } };

function readCsv(content: Buffer): SheetRow[] {
  const text = decodeText(content);
  try {
    const records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      max_record_size: csvMaxRecordChars,
      // With `info`, the parser hands each record over as { record, info } (its types say otherwise).
      on_record: ((entry: CsvEntry) => {
        if (entry.record.length > importMaxColumns) throw tooManyColumns(entry.info.lines);
        return entry;
      }) as never,
    }) as unknown as CsvEntry[];
    return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    if (error instanceof AppError) throw error;
    const line = (error as { lines?: number }).lines;
    throw new AppError(422, 'unreadable_file', `The CSV file cannot be read${line ? ` (line ${line})` : ''}: check its quotes and separators.`);
  }
}

async function readXlsx(content: Buffer): Promise<SheetRow[]> {
  const size = unpackedSize(content);
  if (size === 'unreadable') throw unsupported();
  if (size === 'too_large') {
    throw new AppError(
      422,
      'workbook_too_large',
      `The workbook unpacks to more than ${workbookMaxUnpackedBytes / 1024 / 1024} MB. Save only the list and upload again.`,
      {
        errors: [{ path: 'file', code: 'workbook_too_large', message: 'The workbook is too large unpacked' }],
      },
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw unsupported();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  if (sheet.actualRowCount > userImportMaxRows + 1) throw tooManyRows(sheet.actualRowCount - 1);
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    // Only the cells the row holds, then the gaps between them: a lone cell at XFD1 is refused, not padded.
    row.eachCell({ includeEmpty: false }, (_cell, columnNumber) => {
      if (columnNumber > importMaxColumns) throw tooManyColumns(rowNumber);
    });
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      if (cell.type === ExcelJS.ValueType.Formula || cell.formula) throw formulaRefused(rowNumber, columnNumber - 1);
      cells[columnNumber - 1] = cell.text.trim();
    });
    rows.push({ line: rowNumber, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return rows;
}

/** The header and data rows of the file, every cell checked; throws the refusal of a bad file. */
export async function readSheet(content: Buffer): Promise<Sheet> {
  if (content.length === 0) throw new AppError(400, 'empty_file', 'The file is empty.');
  if (otherKinds.some((bytes) => startsWith(content, bytes))) throw unsupported();
  const records = (startsWith(content, zipSignature) ? await readXlsx(content) : readCsv(content)).filter((record) => record.cells.some((cell) => cell !== ''));
  const [header, ...rows] = records;
  if (!header) throw new AppError(422, 'empty_file', 'The file has no rows.');
  if (rows.length > userImportMaxRows) throw tooManyRows(rows.length);
  for (const record of records) {
    const column = record.cells.findIndex(looksLikeFormula);
    if (column >= 0) throw formulaRefused(record.line, column);
  }
  const width = Math.max(...records.map((record) => record.cells.length));
  const columns = Array.from({ length: width }, (_, index) => header.cells[index] || columnLetter(index));
  return { columns, rows: rows.map(({ line, cells }) => ({ line, cells: Array.from({ length: width }, (_, index) => cells[index] ?? '') })) };
}
