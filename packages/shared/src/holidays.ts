/**
 * Official calendars shipped with the system: public holidays (with the days off the
 * governments move onto weekdays) and the weekend days worked instead, for the host countries
 * of the agreement. Tables cover only the years the governments have published:
 *
 * - Russia (RU) 2025 and 2026: the Labour Code's holidays (art. 112) as moved by the Russian
 *   Government decrees on the transfer of days off (for 2025: decree No. 1335 of
 *   4 October 2024; for 2026: the decree of September 2025).
 * - China (CN) 2025 and 2026: the State Council General Office notices on the arrangement of
 *   holidays (for 2025: 国办发明电〔2024〕12号, November 2024; for 2026: the notice of
 *   November 2025).
 *
 * A date outside these years counts weekends only (no holidays are guessed): callers can ask
 * `calendarYears(country)` whether a due date was computed with an official calendar. Add a
 * year here when the next decree / notice is published, with a test in working-days.test.ts.
 */

/** Inclusive ranges `[from, to]` of days off, and single weekend days worked instead. */
type YearTable = { daysOff: [string, string][]; workingWeekends: string[] };

const russia: Record<number, YearTable> = {
  2025: {
    // Jan 4–5 (weekend within the New Year holidays) moved to May 2 and Dec 31; Feb 23
    // (Sunday) to May 8; Mar 8 (Saturday) to Jun 13; Saturday Nov 1 worked for Monday Nov 3.
    daysOff: [
      ['2025-01-01', '2025-01-08'],
      ['2025-05-01', '2025-05-04'],
      ['2025-05-08', '2025-05-11'],
      ['2025-06-12', '2025-06-15'],
      ['2025-11-02', '2025-11-04'],
      ['2025-12-31', '2025-12-31'],
    ],
    workingWeekends: ['2025-11-01'],
  },
  2026: {
    // Jan 3 (Saturday) moved to Jan 9 and Jan 4 (Sunday) to Dec 31; Mar 8 (Sunday) gives
    // Mar 9 off, May 9 (Saturday) gives May 11 off.
    daysOff: [
      ['2026-01-01', '2026-01-11'],
      ['2026-02-21', '2026-02-23'],
      ['2026-03-07', '2026-03-09'],
      ['2026-05-01', '2026-05-03'],
      ['2026-05-09', '2026-05-11'],
      ['2026-06-12', '2026-06-14'],
      ['2026-11-04', '2026-11-04'],
      ['2026-12-31', '2026-12-31'],
    ],
    workingWeekends: [],
  },
};

const china: Record<number, YearTable> = {
  2025: {
    // New Year; Spring Festival; Qingming; Labour Day; Dragon Boat; National Day with Mid-Autumn.
    daysOff: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ],
    workingWeekends: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    // New Year; Spring Festival; Qingming; Labour Day; Dragon Boat; Mid-Autumn; National Day.
    daysOff: [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    workingWeekends: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

/** Every date of an inclusive range of ISO dates (UTC arithmetic: no time zone is involved). */
function datesOf([from, to]: [string, string]): string[] {
  const dates: string[] = [];
  for (let day = Date.parse(`${from}T00:00:00Z`); day <= Date.parse(`${to}T00:00:00Z`); day += 86_400_000) {
    dates.push(new Date(day).toISOString().slice(0, 10));
  }
  return dates;
}

function calendarOf(tables: Record<number, YearTable>) {
  const years = Object.keys(tables)
    .map(Number)
    .sort((a, b) => a - b);
  const all = Object.values(tables);
  return {
    years,
    holidays: new Set(all.flatMap((table) => table.daysOff.flatMap(datesOf))),
    workingWeekends: new Set(all.flatMap((table) => table.workingWeekends)),
  };
}

/** The shipped calendars by ISO 3166 alpha-2 code; `working-days.ts` registers them on load. */
export const shippedCalendars = { RU: calendarOf(russia), CN: calendarOf(china) };
