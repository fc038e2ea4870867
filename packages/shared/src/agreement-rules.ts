/** Rules of running the agreement: when it is about to end, when a measure of its plan is late. */
import type { PlanItemStatus } from './enums.js';

/** Administrators are warned this many days before an active agreement ends: once at 90, once at 30. */
export const expiryWarningDays = [90, 30] as const;

/**
 * The calendar an agreement's days are counted on: Baoji's, the first of the parties' campuses
 * to reach a new day, so a warning is never late for anyone.
 */
export const agreementCalendarZone = 'Asia/Shanghai';

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Days left until an active agreement ends, when within the first warning (0 on its last day); otherwise null. */
export function agreementExpiresInDays(agreement: { status: string; validTo: string }, today: string): number | null {
  if (agreement.status !== 'active') return null;
  const left = daysBetween(today, agreement.validTo);
  return left >= 0 && left <= expiryWarningDays[0] ? left : null;
}

/** A measure is overdue once its deadline has passed while it is still planned or in progress. */
export function isPlanItemOverdue(item: { status: PlanItemStatus; deadline: string | null }, today: string): boolean {
  return item.deadline !== null && item.deadline < today && (item.status === 'planned' || item.status === 'in_progress');
}
