/** Counts of a plan's items by status, per responsible party and per year of the deadline. */
import { planItemStatuses, type PlanCounts, type PlanProgress } from '@exchange/shared';

type Item = { status: (typeof planItemStatuses)[number]; deadline: string | null; responsibleInstitutionId: string | null; overdue: boolean };

function countsOf(items: Item[]): PlanCounts {
  const counts = Object.fromEntries(planItemStatuses.map((status) => [status, 0])) as PlanCounts['counts'];
  for (const item of items) counts[item.status]++;
  return { counts, overdue: items.filter((item) => item.overdue).length, total: items.length };
}

/** Every party appears, in the order given, even with no items; years ascending, undated last. */
export function planProgress(items: Item[], partyIds: string[]): PlanProgress {
  const unassigned = items.filter((item) => !item.responsibleInstitutionId || !partyIds.includes(item.responsibleInstitutionId));
  const byParty = [
    ...partyIds.map((institutionId) => ({ institutionId, ...countsOf(items.filter((item) => item.responsibleInstitutionId === institutionId)) })),
    ...(unassigned.length > 0 ? [{ institutionId: null, ...countsOf(unassigned) }] : []),
  ];
  const years = [...new Set(items.map((item) => (item.deadline ? Number(item.deadline.slice(0, 4)) : null)))].sort(
    (a, b) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER),
  );
  const byYear = years.map((year) => ({ year, ...countsOf(items.filter((item) => (item.deadline ? Number(item.deadline.slice(0, 4)) : null) === year)) }));
  return { byParty, byYear, all: countsOf(items) };
}
