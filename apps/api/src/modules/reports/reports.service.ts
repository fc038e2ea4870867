import type { Database } from '@exchange/db';
import type { Actor } from '@exchange/shared';
import { mobilityReport } from './mobility-report.js';
import { reportsRepository } from './reports.repository.js';

export function createReportsService({ db }: { db: Database }) {
  const repository = reportsRepository(db);
  return {
    /** Per direction between the parties: seats, nominated, approved; and each pair's balance of approved students. */
    async flows(academicYear: string) {
      const [seats, counts] = await Promise.all([repository.seatsByDirection(academicYear), repository.nominationsByDirection(academicYear)]);
      const parties = await repository.partyIds();
      const directions = parties.flatMap((sending) =>
        parties
          .filter((receiving) => receiving !== sending)
          .map((receiving) => {
            const line = seats.find((row) => row.sending === sending && row.receiving === receiving);
            const count = counts.find((row) => row.sending === sending && row.receiving === receiving);
            return {
              sendingInstitutionId: sending,
              receivingInstitutionId: receiving,
              seats: line?.seats ?? 0,
              nominated: count?.nominated ?? 0,
              approved: count?.approved ?? 0,
            };
          }),
      );
      const approvedOf = (from: string, to: string) =>
        directions.find((d) => d.sendingInstitutionId === from && d.receivingInstitutionId === to)?.approved ?? 0;
      const balances = parties.flatMap((a, index) =>
        parties.slice(index + 1).map((b) => ({
          institutionAId: a,
          institutionBId: b,
          aToB: approvedOf(a, b),
          bToA: approvedOf(b, a),
          balance: approvedOf(a, b) - approvedOf(b, a),
        })),
      );
      return { academicYear, directions, balances };
    },

    mobilities: (actor: Actor, academicYear: string) => mobilityReport(db, actor, academicYear),
  };
}
export type ReportsService = ReturnType<typeof createReportsService>;
