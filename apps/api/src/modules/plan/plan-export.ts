/**
 * The plan as a report for the parties' annual review, in the reader's language: every item
 * with its deadline, responsible party, status, note and overdue mark, then the progress per
 * party and per year. XLSX (two sheets) or PDF (the embedded fonts of lib/pdf.ts).
 */
import ExcelJS from 'exceljs';
import { formatDate, localize, planStatusLabel, writtenText, type Agreement, type Locale, type PlanCounts, type PlanProgress } from '@exchange/shared';
import * as texts from '@exchange/texts/export';
import { printedDocument } from '../../lib/pdf.js';

type Plain = (inputs: Record<string, never>, options: { locale: Locale }) => string;
const say = (message: unknown, locale: Locale) => (message as Plain)({}, { locale });

export type PlanReport = { agreement: Agreement; progress: PlanProgress; today: string; locale: Locale };

function reportTexts(locale: Locale) {
  const t = (key: keyof typeof texts) => say(texts[key], locale);
  return {
    title: t('plan_export_title'),
    asOf: (date: string) => texts.plan_export_as_of({ date }, { locale }),
    sheetPlan: t('plan_export_sheet_plan'),
    sheetProgress: t('plan_export_sheet_progress'),
    itemHeader: [
      t('plan_export_number'),
      t('plan_export_measure'),
      t('plan_export_deadline'),
      t('plan_export_responsible'),
      t('plan_export_status'),
      t('plan_export_note'),
      t('plan_export_overdue'),
    ],
    byParty: t('plan_export_by_party'),
    byYear: t('plan_export_by_year'),
    party: t('plan_export_party'),
    year: t('plan_export_year'),
    total: t('plan_export_total'),
    overdue: t('plan_export_overdue'),
    none: t('plan_export_none'),
    status: (status: keyof typeof planStatusLabel) => planStatusLabel[status]({}, { locale }),
  };
}

/** The report's rows, in the reader's language. */
function reportRows({ agreement, progress, locale }: PlanReport) {
  const t = reportTexts(locale);
  const partyName = (id: string | null) => {
    const party = agreement.parties.find((entry) => entry.id === id);
    return party ? `${localize(party.name, locale).text} (${party.code})` : t.none;
  };
  const items = agreement.plan.map((item, index) => [
    String(index + 1),
    localize(item.title, locale).text,
    item.deadline ? formatDate(item.deadline, locale) : t.none,
    partyName(item.responsibleInstitutionId),
    t.status(item.status),
    item.note ? writtenText(item.note, item.noteLocale, locale) : '',
    item.overdue ? t.overdue : '',
  ]);
  const countsHeader = (first: string) => [first, t.status('planned'), t.status('in_progress'), t.status('done'), t.status('cancelled'), t.overdue, t.total];
  const countRow = (label: string, entry: PlanCounts) => [
    label,
    entry.counts.planned,
    entry.counts.in_progress,
    entry.counts.done,
    entry.counts.cancelled,
    entry.overdue,
    entry.total,
  ];
  const byParty = progress.byParty.map((entry) => countRow(partyName(entry.institutionId), entry));
  const byYear = progress.byYear.map((entry) => countRow(entry.year === null ? t.none : String(entry.year), entry));
  return { t, title: localize(agreement.title, locale).text, items, byParty, byYear, countsHeader, all: countRow(t.total, progress.all) };
}

export async function planWorkbook(report: PlanReport): Promise<Buffer> {
  const { t, title, items, byParty, byYear, countsHeader, all } = reportRows(report);
  const workbook = new ExcelJS.Workbook();
  const plan = workbook.addWorksheet(t.sheetPlan);
  plan.addRow([title]).font = { bold: true };
  plan.addRow([`${t.title}. ${t.asOf(formatDate(report.today, report.locale))}`]);
  plan.addRow(t.itemHeader).font = { bold: true };
  for (const row of items) plan.addRow(row);
  plan.columns.forEach((column, index) => {
    column.width = [6, 50, 14, 36, 14, 50, 12][index] ?? 20;
  });
  const progress = workbook.addWorksheet(t.sheetProgress);
  progress.addRow([t.byParty]).font = { bold: true };
  progress.addRow(countsHeader(t.party)).font = { bold: true };
  for (const row of [...byParty, all]) progress.addRow(row);
  progress.addRow([]);
  progress.addRow([t.byYear]).font = { bold: true };
  progress.addRow(countsHeader(t.year)).font = { bold: true };
  for (const row of [...byYear, all]) progress.addRow(row);
  progress.columns.forEach((column, index) => {
    column.width = index === 0 ? 40 : 14;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function planPdf(report: PlanReport): Promise<Buffer> {
  const { t, title, items, byParty, byYear, countsHeader, all } = reportRows(report);
  const margin = 40;
  const { doc, done } = printedDocument({ margin, title: `${title}: ${t.title}`, subject: t.title });
  const width = doc.page.width - margin * 2;
  doc.font('bold').fontSize(14).text(title, { width });
  doc
    .font('regular')
    .fontSize(10)
    .fillColor('#444')
    .text(`${t.title}. ${t.asOf(formatDate(report.today, report.locale))}`, { width })
    .fillColor('black');
  doc.moveDown(0.8);

  const table = (columns: number[], header: string[], rows: (string | number)[][]) => {
    const line = (cells: (string | number)[], font: 'regular' | 'bold') => {
      if (doc.y > doc.page.height - margin - 40) doc.addPage();
      const top = doc.y;
      let left = margin;
      let height = 0;
      cells.forEach((cell, index) => {
        doc
          .font(font)
          .fontSize(8.5)
          .text(String(cell), left, top, { width: columns[index]! - 5 });
        height = Math.max(height, doc.y - top);
        left += columns[index]!;
      });
      doc.y = top + height + 3;
      doc
        .moveTo(margin, doc.y - 1)
        .lineTo(margin + width, doc.y - 1)
        .lineWidth(0.3)
        .stroke('#999');
    };
    line(header, 'bold');
    for (const row of rows) line(row, 'regular');
    doc.x = margin;
  };
  table([22, 150, 58, 90, 55, width - 22 - 150 - 58 - 90 - 55 - 45, 45], t.itemHeader, items);
  const counts = [width - 6 * 52, 52, 52, 52, 52, 52, 52];
  for (const [heading, first, rows] of [
    [t.byParty, t.party, byParty],
    [t.byYear, t.year, byYear],
  ] as const) {
    doc.moveDown(1);
    doc.font('bold').fontSize(11).text(heading, margin, doc.y, { width });
    doc.moveDown(0.3);
    table(counts, countsHeader(first), [...rows, all]);
  }
  doc.end();
  return done;
}
