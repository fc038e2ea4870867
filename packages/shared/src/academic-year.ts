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
