import type { Database } from '@exchange/db';
import type { Actor } from '@exchange/shared';
import { mobilityReport } from './mobility-report.js';
import { reportsRepository } from './reports.repository.js';

export function createReportsService({ db }: { db: Database }) {
  const repository = reportsRepository(db);
  return {
    /** Per direction between the parties: seats, nominated, approved; and each pair's balance of approved students. */
    async flows(academicYear: string) {
      const rows = await repository.directions(academicYear);
      // The parties in their order (by code), as the rows' senders come.
      const parties: string[] = [];
      const approved = new Map<string, number>();
      const directions = rows.map((row) => {
        if (parties[parties.length - 1] !== row.sending) parties.push(row.sending);
        approved.set(`${row.sending} ${row.receiving}`, row.approved);
        return {
          sendingInstitutionId: row.sending,
          receivingInstitutionId: row.receiving,
          seats: row.seats,
          nominated: row.nominated,
          approved: row.approved,
        };
      });
      const approvedOf = (from: string, to: string) => approved.get(`${from} ${to}`) ?? 0;
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
