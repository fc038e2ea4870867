/** Academic years are written `2025/2026`: the second year follows the first. */
export const academicYearPattern = /^(\d{4})\/(\d{4})$/;

export function isAcademicYear(value: string): boolean {
  const match = academicYearPattern.exec(value);
  return match !== null && Number(match[2]) === Number(match[1]) + 1;
}

/** The academic year a date falls in; years start on 1 September. */
export function academicYearOf(date: Date): string {
  const year = date.getUTCFullYear();
  const start = date.getUTCMonth() >= 8 ? year : year - 1;
  return `${start}/${start + 1}`;
}

/** The last day of an academic year (31 August of its second year), as a calendar date. */
export function academicYearEnd(academicYear: string): string {
  const match = academicYearPattern.exec(academicYear);
  return match ? `${match[2]}-08-31` : '';
}

/**
 * Whether something of an academic year, or running until `until` (a date or an instant),
 * outlasts an agreement valid until `validTo`: quota lines and calls are flagged with it.
 */
export function reachesPastAgreement(validTo: string, what: { academicYear?: string | null; until?: string | null }): boolean {
  const ends = [what.academicYear ? academicYearEnd(what.academicYear) : '', what.until ? what.until.slice(0, 10) : ''];
  return ends.some((end) => end !== '' && end > validTo);
}
