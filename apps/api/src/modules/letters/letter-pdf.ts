/**
 * The admission letter / invitation as a PDF: the host's language and English side by side,
 * set in Noto Sans SC (embedded from npm, never a system font), which covers the Latin,
 * Cyrillic and Chinese the letter needs; a QR code points at the public verification page.
 */
import QRCode from 'qrcode';
import type { LetterContent } from '@exchange/db';
import { printedDocument } from '../../lib/pdf.js';
import { letterFields, letterTexts, type LetterField, type LetterTexts } from './letter-texts.js';

export type PrintedLetter = { code: string; content: LetterContent; issuedAt: Date; revoked: boolean };

/** The public page a letter's code is checked on. */
export const verificationUrl = (origin: string, code: string) => `${origin}/verify/${encodeURIComponent(code)}`;

const margin = 56;
const labelWidth = 170;
const gap = 14;

function valueOf(field: LetterField, content: LetterContent, host: LetterTexts, english: LetterTexts): string {
  const both = (local: string, latin: string) => (local === latin ? local : `${local}\n${latin}`);
  switch (field) {
    case 'student':
      return content.fullName;
    case 'studentLatin':
      return content.fullNameLatin ?? '';
    case 'birthDate':
      return content.birthDate ?? '';
    case 'citizenship':
      return both(host.country(content.citizenship), english.country(content.citizenship));
    case 'passport':
      return content.passportNumber ?? '';
    case 'sending':
      return both(content.sendingInstitution[content.locale], content.sendingInstitution.en);
    case 'receiving':
      return both(content.receivingInstitution[content.locale], content.receivingInstitution.en);
    case 'programme':
      return content.programme;
    case 'mobilityType':
      return both(host.mobilityType(content.mobilityType), english.mobilityType(content.mobilityType));
    case 'academicYear':
      return content.academicYear;
    case 'dates':
      return `${content.plannedStart} – ${content.plannedEnd}`;
  }
}

export async function renderLetterPdf(letter: PrintedLetter, origin: string): Promise<Buffer> {
  const { content } = letter;
  const host = letterTexts(content.locale);
  const english = letterTexts('en');
  const url = verificationUrl(origin, letter.code);
  const qr = await QRCode.toBuffer(url, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
  const title = `${host.title(content.locale)} / ${english.title(content.locale)}`;

  const { doc, done } = printedDocument({ margin, title: `${title} ${letter.code}`, subject: content.fullNameLatin ?? content.fullName });
  const width = doc.page.width - 2 * margin;

  doc.font('bold').fontSize(11).text(content.receivingInstitution[content.locale]);
  doc.font('regular').fontSize(9).fillColor('#444').text(`${content.receivingInstitution.en}, ${content.receivingCity}`).fillColor('black');
  doc.moveDown(1.2);
  doc.font('bold').fontSize(20).text(host.title(content.locale), { align: 'center' });
  doc.fontSize(14).text(english.title(content.locale), { align: 'center' });
  doc.moveDown(0.8);

  if (letter.revoked) {
    // Said in words in both languages, not only by the colour of the box.
    const text = `${host.revoked}\n${english.revoked}`;
    const top = doc.y;
    const height =
      doc
        .font('bold')
        .fontSize(11)
        .heightOfString(text, { width: width - 20 }) + 16;
    doc.rect(margin, top, width, height).lineWidth(2).stroke('#b00020');
    doc.fillColor('#b00020').text(text, margin + 10, top + 8, { width: width - 20 });
    doc.fillColor('black').text('', margin, top + height + 8);
  }

  const sending = content.sendingInstitution;
  const receiving = content.receivingInstitution;
  doc.font('regular').fontSize(10).text(host.intro(receiving[content.locale], sending[content.locale]), margin, doc.y, { width });
  doc.moveDown(0.3);
  doc.fontSize(9).fillColor('#444').text(english.intro(receiving.en, sending.en), { width }).fillColor('black');
  doc.moveDown(0.8);

  const row = (label: string, value: string) => {
    const top = doc.y;
    const labelHeight = doc.font('regular').fontSize(9).heightOfString(label, { width: labelWidth });
    const valueHeight = doc
      .font('bold')
      .fontSize(10)
      .heightOfString(value || '—', { width: width - labelWidth - gap });
    doc.font('regular').fontSize(9).fillColor('#444').text(label, margin, top, { width: labelWidth });
    doc
      .font('bold')
      .fontSize(10)
      .fillColor('black')
      .text(value || '—', margin + labelWidth + gap, top, { width: width - labelWidth - gap });
    doc.y = top + Math.max(labelHeight, valueHeight) + 5;
    doc.x = margin;
  };
  for (const field of letterFields) row(`${host.field(field)}\n${english.field(field)}`, valueOf(field, content, host, english));
  row(`${host.signedBy}\n${english.signedBy}`, content.signedBy);
  row(`${host.issuedOn}\n${english.issuedOn}`, letter.issuedAt.toISOString().slice(0, 10));

  doc.moveDown(1);
  const top = doc.y;
  const size = 96;
  doc.image(qr, margin, top, { width: size, height: size });
  const left = margin + size + gap;
  doc
    .font('regular')
    .fontSize(9)
    .text(`${host.code} / ${english.code}`, left, top, { width: width - size - gap });
  doc
    .font('bold')
    .fontSize(16)
    .text(letter.code, { width: width - size - gap });
  doc
    .font('regular')
    .fontSize(9)
    .text(host.verifyAt(url), { width: width - size - gap });
  doc.fillColor('#444').text(english.verifyAt(url), { width: width - size - gap, link: url });
  doc.end();
  return done;
}
