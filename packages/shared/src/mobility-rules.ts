/**
 * The mobility's rules that both sides apply: its statuses and the moves between them, and the
 * months a stay counts against its quota line. Dates are local calendar dates (`YYYY-MM-DD`).
 */
import { Temporal } from 'temporal-polyfill';

export const mobilityStatuses = ['preparing', 'abroad', 'returned', 'recognised', 'cancelled'] as const;
export type MobilityStatus = (typeof mobilityStatuses)[number];

/** Where the money for the stay comes from (optional, per mobility). */
export const fundingSources = ['csc', 'russian_government', 'home_institution', 'other'] as const;
export type FundingSource = (typeof fundingSources)[number];

export const letterKinds = ['admission'] as const;
export type LetterKind = (typeof letterKinds)[number];

/** Which side does a checklist step: the student, the home office or the host office. */
export const checklistOwners = ['student', 'sending', 'receiving'] as const;
export type ChecklistOwner = (typeof checklistOwners)[number];
export const checklistItemStatuses = ['open', 'done', 'waived'] as const;
export type ChecklistItemStatus = (typeof checklistItemStatuses)[number];

/**
 * Months a stay counts: whole calendar months from the first day to the day after the last,
 * and a remainder of 15 days or more counts as one more; at least one month. So 1 September to
 * 31 January is 5 months and 1 September to 10 October is 1.
 */
export function monthsOfStay(start: string, end: string): number {
  const from = Temporal.PlainDate.from(start);
  const until = Temporal.PlainDate.from(end).add({ days: 1 });
  if (Temporal.PlainDate.compare(until, from) <= 0) return 0;
  const span = from.until(until, { largestUnit: 'months' });
  return Math.max(1, span.months + (span.days >= 15 ? 1 : 0));
}

/** The months a mobility counts now: its actual dates once known, its planned ones before. */
export function countedMonths(mobility: {
  status: MobilityStatus;
  plannedStart: string | null;
  plannedEnd: string | null;
  arrivedOn: string | null;
  departedOn: string | null;
}): number {
  if (mobility.status === 'cancelled') return 0;
  const start = mobility.arrivedOn ?? mobility.plannedStart;
  const end = mobility.departedOn ?? mobility.plannedEnd;
  return start && end ? monthsOfStay(start, end) : 0;
}

/** A passport must still be valid the day after the stay ends (visas are refused otherwise). */
export const passportCoversStay = (passportExpiresOn: string | null, plannedEnd: string) => passportExpiresOn !== null && passportExpiresOn > plannedEnd;

/**
 * When a checklist step is due: `days` after (or, negative, before) the planned start or the
 * actual arrival, counted in calendar days or in the host country's working days.
 */
export type DueRule = { anchor: 'start' | 'arrival'; days: number; unit: 'calendar' | 'working' };

/** Days of a stay, its first and last day included. */
export function daysOfStay(start: string, end: string): number {
  return Temporal.PlainDate.from(start).until(Temporal.PlainDate.from(end)).days + 1;
}

/** A step is overdue while it is open past its due date; `today` is the host's calendar date. */
export const isOverdue = (step: { status: ChecklistItemStatus; dueOn: string | null }, today: string) =>
  step.status === 'open' && step.dueOn !== null && step.dueOn < today;
