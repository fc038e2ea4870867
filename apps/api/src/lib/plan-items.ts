/**
 * A plan item as the contract shows it: the agreement lists its plan, the plan module edits
 * it, both answer the same shape. Overdue is read on the responsible institution's calendar.
 */
import type { planItems } from '@exchange/db';
import { isPlanItemOverdue, localDateIn, type Actor } from '@exchange/shared';
import { toIso } from './route.js';

/** Where no institution is responsible, days are Moscow's (the earliest deadline of the parties). */
const fallbackZone = 'Europe/Moscow';

export function toPlanItem(row: typeof planItems.$inferSelect, now: Date, zoneOf: (institutionId: string) => string | undefined) {
  const zone = (row.responsibleInstitutionId && zoneOf(row.responsibleInstitutionId)) || fallbackZone;
  return {
    id: row.id,
    title: row.title,
    deadline: row.deadline,
    responsibleInstitutionId: row.responsibleInstitutionId,
    status: row.status,
    note: row.note,
    noteLocale: row.noteLocale,
    updatedAt: toIso(row.updatedAt),
    overdue: isPlanItemOverdue(row, localDateIn(now, zone)),
  };
}
export type PlanItemShape = ReturnType<typeof toPlanItem>;

/**
 * Who reads a plan's notes, its progress and its reports: administrators and the staff of the
 * agreement's parties. Everyone else sees the measures without what was reported on them.
 */
export function readsPlan(actor: Actor, partyIds: string[]) {
  if (actor.role === 'admin') return true;
  return (actor.role === 'coordinator' || actor.role === 'reviewer') && actor.institutionId !== null && partyIds.includes(actor.institutionId);
}
