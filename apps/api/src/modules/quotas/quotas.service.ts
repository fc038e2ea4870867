import { z } from 'zod';
import type { Database, Executor } from '@exchange/db';
import { countedMonths, quotaCreate, quotaUpdate } from '@exchange/shared';
import { conflict, notFound, unprocessable } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import { toQuota } from '../../lib/shapes.js';
import { findQuota, insertQuota, listQuotas, lockQuota, staysOnLines, updateQuota } from './quotas.repository.js';

/** What quota lines need of their agreement (the agreements service provides it). */
export type Agreements = {
  exists(tx: Executor, id: string): Promise<boolean>;
  partyIds(tx: Executor, id: string): Promise<string[]>;
};

export function createQuotasService({ db, agreements }: { db: Database; agreements: Agreements }) {
  return {
    async listForAgreement(agreementId: string, academicYear?: string) {
      const lines = await listQuotas(db, agreementId, academicYear);
      // An empty list must still tell a missing agreement apart from one without lines.
      if (lines.length === 0 && !(await agreements.exists(db, agreementId))) throw notFound('agreement');
      const monthsUsed = new Map<string, number>();
      for (const stay of await staysOnLines(
        db,
        lines.map((line) => line.id),
      )) {
        monthsUsed.set(stay.quotaId, (monthsUsed.get(stay.quotaId) ?? 0) + countedMonths(stay));
      }
      return { items: lines.map((line) => ({ ...line, monthsUsed: monthsUsed.get(line.id) ?? 0 })) };
    },

    async get(id: string) {
      const row = await findQuota(db, id);
      if (!row) throw notFound('quota line');
      return toQuota(row);
    },

    create(who: Who, input: z.output<typeof quotaCreate>) {
      return db.transaction(async (tx) => {
        const parties = await agreements.partyIds(tx, input.agreementId);
        if (parties.length === 0) {
          throw unprocessable('agreement_not_found', 'No such agreement.', {
            errors: [{ path: 'body.agreementId', code: 'not_found', message: 'No such agreement' }],
          });
        }
        for (const field of ['sendingInstitutionId', 'receivingInstitutionId'] as const) {
          if (!parties.includes(input[field])) {
            throw unprocessable('not_a_party', 'Both institutions must be parties of the agreement.', {
              errors: [{ path: `body.${field}`, code: 'not_a_party', message: 'Not a party of the agreement' }],
            });
          }
        }
        const created = await insertQuota(tx, input);
        await writeAudit(tx, who, {
          action: 'quota.create',
          entityType: 'quota',
          entityId: created.id,
          institutionId: created.sendingInstitutionId,
          after: toQuota(created),
        });
        return toQuota(created);
      });
    },

    /** `seats` may never drop below the seats already taken by nominations. */
    update(who: Who, id: string, input: z.output<typeof quotaUpdate>) {
      return db.transaction(async (tx) => {
        // The row lock makes a concurrent nomination wait, so `used` cannot change under us.
        const before = await lockQuota(tx, id);
        if (!before) throw notFound('quota line');
        if (input.seats !== undefined && input.seats < before.used) {
          throw conflict('seats_below_used', `${before.used} seats are already taken; seats cannot go below that.`, {
            used: before.used,
            errors: [{ path: 'body.seats', code: 'below_used', message: `At least ${before.used}` }],
          });
        }
        const after = await updateQuota(tx, id, input);
        await writeAudit(tx, who, {
          action: 'quota.update',
          entityType: 'quota',
          entityId: id,
          institutionId: before.sendingInstitutionId,
          before: toQuota(before),
          after: toQuota(after),
        });
        return toQuota(after);
      });
    },
  };
}
export type QuotasService = ReturnType<typeof createQuotasService>;
