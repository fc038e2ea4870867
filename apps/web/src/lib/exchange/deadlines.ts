/** How long a call stays open, for the countdown next to its deadline. */

/** Days, hours and minutes until `closesAt`; null once it has passed. */
export function countdown(closesAt: string | Date, now: Date): { days: number; hours: number; minutes: number } | null {
  const left = new Date(closesAt).getTime() - now.getTime();
  if (!(left > 0)) return null;
  const minutesTotal = Math.floor(left / 60_000);
  return { days: Math.floor(minutesTotal / 1440), hours: Math.floor((minutesTotal % 1440) / 60), minutes: minutesTotal % 60 };
}
