import type { FastifyReply } from 'fastify';
import ExcelJS from 'exceljs';
import { toCsv } from './csv.js';

export type Cell = string | number | boolean | null | undefined;
export const spreadsheetFormats = ['csv', 'xlsx'] as const;
export type SpreadsheetFormat = (typeof spreadsheetFormats)[number];

/**
 * Sends a table as a download: spreadsheet-safe CSV, or an XLSX workbook whose cells are
 * strings and numbers only (never formulas).
 */
export async function sendSpreadsheet(
  reply: FastifyReply,
  format: SpreadsheetFormat,
  table: { name: string; sheet: string; header: string[]; rows: Cell[][] },
) {
  reply.header('content-disposition', `attachment; filename="${table.name}.${format}"`);
  if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(table.header, table.rows));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.sheet);
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((cell) => (cell === null || cell === undefined ? '' : cell)));
  sheet.columns.forEach((column) => {
    column.width = 24;
  });
  return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(Buffer.from(await workbook.xlsx.writeBuffer()));
}
