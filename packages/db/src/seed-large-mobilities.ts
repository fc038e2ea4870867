/**
 * The mobilities of the large data set (see seed-large.ts): one per approved nomination, as the
 * API opens them. Past years are back home (a few interrupted); the current year is partly
 * abroad; later years are still preparing. Dates stay within the agreement's validity.
 */
import { randomUUID } from 'node:crypto';
import type { LargeLine } from './seed-large-applications.js';
import type { Random } from './seed-large-random.js';

const validity = { from: '2024-05-01', to: '2026-12-31' };
const clamp = (date: string) => (date < validity.from ? validity.from : date > validity.to ? validity.to : date);
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const latestStart = shift(validity.to, -30);

export function generateMobilities(
  random: Random,
  input: { nominations: Record<string, unknown>[]; applications: Record<string, unknown>[]; lines: LargeLine[]; currentYear: string },
) {
  const studentOf = new Map(input.applications.map((row) => [row.id as string, row.student_id as string]));
  const lineOf = new Map(input.lines.map((line) => [line.id, line]));
  const rows: Record<string, unknown>[] = [];
  for (const nomination of input.nominations) {
    if (nomination.status !== 'approved') continue;
    const line = lineOf.get(nomination.quota_id as string)!;
    const first = Number(line.academic_year.slice(0, 4));
    // A stay of at least 30 days inside the validity: a start near its end moves back.
    const wanted = clamp(random.chance(0.5) ? `${first}-09-01` : `${first + 1}-02-15`);
    const start = wanted > latestStart ? latestStart : wanted;
    const end = clamp(shift(start, random.int(30, 150)));
    const past = line.academic_year < input.currentYear;
    const current = line.academic_year === input.currentYear;
    const status = past ? 'returned' : current && random.chance(0.6) ? 'abroad' : 'preparing';
    const admitted = status !== 'preparing' || random.chance(0.5);
    const arrived = status === 'preparing' ? null : start;
    const interrupted = status === 'returned' && random.chance(0.05);
    const decidedAt = nomination.decided_at as Date;
    rows.push({
      id: randomUUID(),
      nomination_id: nomination.id,
      application_id: nomination.application_id,
      student_id: studentOf.get(nomination.application_id as string),
      quota_id: line.id,
      sending_institution_id: line.sending_institution_id,
      receiving_institution_id: line.receiving_institution_id,
      academic_year: line.academic_year,
      mobility_type: line.mobility_type,
      status,
      planned_start: admitted ? start : null,
      planned_end: admitted ? end : null,
      programme: admitted ? 'Exchange programme' : null,
      admitted_at: admitted ? new Date(decidedAt.getTime() + 14 * 86_400_000) : null,
      arrived_on: arrived,
      departed_on: status === 'returned' ? (interrupted ? clamp(shift(start, 20)) : end) : null,
      interrupted,
      interruption_reason: interrupted ? 'Health reasons.' : null,
      created_at: decidedAt,
      updated_at: decidedAt,
    });
  }
  return rows;
}
