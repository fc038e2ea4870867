/**
 * What every printed document shares: Noto Sans SC embedded from npm (never a system font),
 * which covers the Latin, Cyrillic and Chinese our documents need, and a pdfkit document that
 * resolves to its bytes when ended.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** Read once: each file is about 10 MB; pdfkit embeds only the glyphs a document uses. */
function loadFonts() {
  fonts ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')),
  };
  return fonts;
}

/** An A4 document with the fonts `regular` and `bold` registered; `done` gives its bytes after `doc.end()`. */
export function printedDocument(options: { margin: number; title: string; subject: string }) {
  const doc = new PDFDocument({ size: 'A4', margin: options.margin, info: { Title: options.title, Subject: options.subject } });
  const { regular, bold } = loadFonts();
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
