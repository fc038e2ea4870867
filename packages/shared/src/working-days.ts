/**
 * Due dates of checklist steps: calendar days, or working days of the host country. Working
 * days skip weekends and the country's public holidays, and count the weekend days a
 * government moves work to (Russia and China both transfer days around their holidays).
 */
import { Temporal } from 'temporal-polyfill';
import { shippedCalendars } from './holidays.js';
import type { DueRule } from './mobility-rules.js';

/**
 * A country's official calendar: its days off, its weekend days worked, and the years the
 * table covers (outside them only weekends count).
 */
export type OfficialCalendar = { holidays: ReadonlySet<string>; workingWeekends: ReadonlySet<string>; years?: readonly number[] };
const emptyCalendar: OfficialCalendar = { holidays: new Set(), workingWeekends: new Set() };
const calendars = new Map<string, OfficialCalendar>();

/** Registers a country's calendar (ISO 3166 alpha-2); `holidays.ts` registers the ones shipped. */
export function registerCalendar(country: string, calendar: OfficialCalendar) {
  calendars.set(country, calendar);
}

// Registered here, not in holidays.ts, so that any use of dueDateOf sees them.
for (const [country, calendar] of Object.entries(shippedCalendars)) registerCalendar(country, calendar);

/** The years of a country's official calendar; a due date in another year counts weekends only. */
export function calendarYears(country: string): readonly number[] {
  return calendars.get(country)?.years ?? [];
}

export function isWorkingDay(date: string, country: string): boolean {
  const calendar = calendars.get(country) ?? emptyCalendar;
  if (calendar.workingWeekends.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return Temporal.PlainDate.from(date).dayOfWeek <= 5;
}

/** `days` working days after `date` (before it when negative); the day itself does not count. */
export function addWorkingDays(date: string, days: number, country: string): string {
  let current = Temporal.PlainDate.from(date);
  const step = days < 0 ? -1 : 1;
  for (let left = Math.abs(days); left > 0;) {
    current = current.add({ days: step });
    if (isWorkingDay(current.toString(), country)) left--;
  }
  return current.toString();
}

/** When a step is due, or null while its anchor (the planned start, the arrival) is not known. */
export function dueDateOf(rule: DueRule | null, anchors: { start: string | null; arrival: string | null }, country: string): string | null {
  if (!rule) return null;
  const anchor = rule.anchor === 'start' ? anchors.start : anchors.arrival;
  if (!anchor) return null;
  if (rule.unit === 'working') return addWorkingDays(anchor, rule.days, country);
  return Temporal.PlainDate.from(anchor).add({ days: rule.days }).toString();
}
