/** The flows report as a matrix of directions, its bars, and the academic years to pick from. */
import type { Flows } from '@exchange/shared';

export type FlowDirection = Flows['directions'][number];

/** The six directions as a matrix: rows send, columns receive, the diagonal empty. */
export function flowMatrix(institutionIds: readonly string[], directions: readonly FlowDirection[]): (FlowDirection | null)[][] {
  return institutionIds.map((from) =>
    institutionIds.map((to) =>
      from === to
        ? null
        : (directions.find((direction) => direction.sendingInstitutionId === from && direction.receivingInstitutionId === to) ?? {
            sendingInstitutionId: from,
            receivingInstitutionId: to,
            seats: 0,
            nominated: 0,
            approved: 0,
          }),
    ),
  );
}

/** Bar length in percent of the largest value, at least a sliver for non-zero values. */
export const barPercent = (value: number, largest: number) => (largest <= 0 || value <= 0 ? 0 : Math.max(2, Math.round((value / largest) * 100)));

/** Academic years around a date, for a year picker: two back, one ahead. */
export function academicYearsAround(date: Date): string[] {
  const year = date.getUTCMonth() >= 8 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
  return [year - 2, year - 1, year, year + 1].map((start) => `${start}/${start + 1}`);
}
