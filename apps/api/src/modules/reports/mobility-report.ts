/**
 * The mobilities report: per direction (sending → receiving) of a year, how many students are
 * preparing, abroad, back, recognised, interrupted or cancelled; the months used of the lines'
 * total; funding totals per currency. Staff see the directions touching their institution.
 */
import type { Executor } from '@exchange/db';
import { countedMonths, type Actor, type MobilityReport } from '@exchange/shared';
import { linesOfYear, staysOnLines } from './mobility-report.repository.js';

type Direction = MobilityReport['directions'][number];

export async function mobilityReport(db: Executor, actor: Actor, academicYear: string): Promise<MobilityReport> {
  const home = actor.role === 'admin' ? null : (actor.institutionId ?? '');
  const lines = await linesOfYear(db, academicYear, home);
  const stays = await staysOnLines(
    db,
    lines.map((line) => line.id),
  );
  const directions = new Map<string, Direction & { currencies: Map<string, number>; limited: boolean }>();
  const keyOf = (sending: string, receiving: string) => `${sending}>${receiving}`;
  for (const line of lines) {
    const key = keyOf(line.sendingInstitutionId, line.receivingInstitutionId);
    const direction = directions.get(key) ?? {
      sendingInstitutionId: line.sendingInstitutionId,
      receivingInstitutionId: line.receivingInstitutionId,
      preparing: 0,
      abroad: 0,
      returned: 0,
      recognised: 0,
      interrupted: 0,
      cancelled: 0,
      monthsUsed: 0,
      totalMonths: 0,
      funding: [],
      currencies: new Map(),
      limited: false,
    };
    if (line.totalMonths != null) {
      direction.limited = true;
      direction.totalMonths = (direction.totalMonths ?? 0) + line.totalMonths;
    }
    directions.set(key, direction);
  }
  for (const stay of stays) {
    const direction = directions.get(keyOf(stay.sendingInstitutionId, stay.receivingInstitutionId))!;
    if (stay.status === 'returned' && stay.interrupted) direction.interrupted++;
    else direction[stay.status]++;
    const months = countedMonths(stay);
    direction.monthsUsed += months;
    if (stay.funding && months > 0) {
      const { currency, monthlyAmount } = stay.funding;
      direction.currencies.set(currency, (direction.currencies.get(currency) ?? 0) + monthlyAmount * months);
    }
  }
  return {
    academicYear,
    directions: [...directions.values()].map(({ currencies, limited, ...direction }) => ({
      ...direction,
      totalMonths: limited ? direction.totalMonths : null,
      funding: [...currencies.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, total]) => ({ currency, total: Math.round(total * 100) / 100 })),
    })),
  };
}
