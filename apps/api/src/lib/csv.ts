/**
 * CSV that opens safely in a spreadsheet: every cell quoted, and a cell that a spreadsheet
 * would run as a formula (starting with = + - @, tab or carriage return) made inert with a
 * leading apostrophe (OWASP CSV injection). UTF-8 with a byte-order mark, so Excel reads
 * Cyrillic and Chinese correctly; CRLF line ends (RFC 4180).
 */
export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  const cell = (value: string | number | boolean | null | undefined) => {
    let text = value === null || value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return `"${text.replace(/"/g, '""')}"`;
  };
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
