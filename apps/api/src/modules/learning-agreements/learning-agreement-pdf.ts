/**
 * The learning agreement in force as a PDF in the reader's language: who, where and when, the
 * two lists of components with their credits, the language of instruction, and the three
 * signatures with their times. Set in the embedded Noto Sans SC (lib/pdf.ts).
 */
import type { StoredSignature } from '@exchange/db';
import { inForce, languageLabel, languageLevelLabel, totalCredits, type LocalizedText, type Locale } from '@exchange/shared';
import { printedDocument } from '../../lib/pdf.js';
import { learningAgreementTexts } from './learning-agreement-texts.js';
import type { MobilityFacts, VersionRow } from './learning-agreements.repository.js';

type Party = { code: string; name: LocalizedText };
export type PrintedAgreement = {
  version: VersionRow;
  facts: MobilityFacts;
  parties: { sending: Party; receiving: Party };
  student: { fullName: string; fullNameLatin: string | null };
  locale: Locale;
};

const margin = 48;
/** A signature's time, to the minute, in UTC: the parties sign from two time zones. */
const signedAt = (signature: StoredSignature | null) => (signature ? `${signature.at.slice(0, 16).replace('T', ' ')} UTC` : '—');
const credits = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

export async function renderLearningAgreementPdf({ version, facts, parties, student, locale }: PrintedAgreement): Promise<Buffer> {
  const t = learningAgreementTexts(locale);
  const name = (party: Party) => party.name[locale] || party.name.en;
  const latin = student.fullNameLatin && student.fullNameLatin !== student.fullName ? ` (${student.fullNameLatin})` : '';
  const { doc, done } = printedDocument({ margin, title: `${t.title} ${version.number}`, subject: student.fullNameLatin ?? student.fullName });
  const width = doc.page.width - 2 * margin;

  doc.font('bold').fontSize(18).text(t.title, { align: 'center' });
  doc
    .font('regular')
    .fontSize(10)
    .text(t.version(version.number!, version.signedAt!.toISOString().slice(0, 10)), { align: 'center' });
  doc.moveDown(0.8);
  doc
    .fontSize(9)
    .fillColor('#444')
    .text(t.intro(name(parties.receiving), name(parties.sending)), { width })
    .fillColor('black');
  doc.moveDown(0.6);

  const field = (label: string, value: string) => {
    const top = doc.y;
    doc.font('regular').fontSize(9).fillColor('#444').text(label, margin, top, { width: 160 });
    doc
      .font('bold')
      .fontSize(10)
      .fillColor('black')
      .text(value || '—', margin + 170, top, { width: width - 170 });
    doc.x = margin;
    doc.moveDown(0.2);
  };
  const { content } = version;
  field(t.student, `${student.fullName}${latin}`);
  field(t.sending, `${name(parties.sending)} (${parties.sending.code})`);
  field(t.receiving, `${name(parties.receiving)} (${parties.receiving.code})`);
  field(t.academicYear, facts.academicYear);
  field(t.dates, facts.plannedStart && facts.plannedEnd ? `${facts.plannedStart} – ${facts.plannedEnd}` : '');
  const language = content.languageOfInstruction;
  field(t.language, language ? `${languageLabel[language.language]({}, { locale })}, ${languageLevelLabel(language.scale, language.level, locale)}` : '');

  type Row = { code: string; title: string; term?: string; credits: number };
  const table = (heading: string, rows: Row[], withTerm: boolean, catalogue: string | null) => {
    doc.moveDown(0.8);
    doc.font('bold').fontSize(11).text(heading, margin, doc.y, { width });
    doc.moveDown(0.3);
    const columns = withTerm ? [70, width - 70 - 110 - 55, 110, 55] : [70, width - 70 - 55, 55];
    const line = (cells: string[], font: 'regular' | 'bold') => {
      const top = doc.y;
      let left = margin;
      let height = 0;
      cells.forEach((cell, index) => {
        const align = index === cells.length - 1 ? 'right' : 'left';
        doc
          .font(font)
          .fontSize(9)
          .text(cell, left, top, { width: columns[index]! - 6, align });
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
    line(withTerm ? [t.code, t.component, t.term, t.credits] : [t.code, t.component, t.credits], 'bold');
    for (const row of rows)
      line(withTerm ? [row.code, row.title, row.term ?? '', credits(row.credits)] : [row.code, row.title, credits(row.credits)], 'regular');
    line(withTerm ? ['', t.total, '', credits(totalCredits(rows))] : ['', t.total, credits(totalCredits(rows))], 'bold');
    if (catalogue)
      doc
        .font('regular')
        .fontSize(8)
        .fillColor('#444')
        .text(t.catalogue(catalogue), margin, doc.y + 2, { width, link: catalogue })
        .fillColor('black');
  };
  table(t.studied, inForce(content.studied), true, content.hostCatalogueUrl);
  table(t.recognised, inForce(content.recognised), false, content.homeCatalogueUrl);

  doc.moveDown(1.2);
  doc.font('bold').fontSize(11).text(t.signatures, margin, doc.y, { width });
  doc.moveDown(0.3);
  const signatures: [string, StoredSignature | null][] = [
    [t.signedStudent, version.studentSignature],
    [`${t.signedSending} (${parties.sending.code})`, version.sendingSignature],
    [`${t.signedReceiving} (${parties.receiving.code})`, version.receivingSignature],
  ];
  for (const [label, signature] of signatures) field(label, signature ? `${signature.name}, ${signedAt(signature)}` : '—');
  doc.end();
  return done;
}
