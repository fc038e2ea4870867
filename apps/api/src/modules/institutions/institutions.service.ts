import type { z } from 'zod';
import type { Database } from '@exchange/db';
import type { institutionUpdate } from '@exchange/shared';
import { conflict, notFound } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import { toInstitution } from '../../lib/shapes.js';
import { inTransaction } from '../../lib/transaction.js';
import { institutionsRepository } from './institutions.repository.js';

export function createInstitutionsService({ db }: { db: Database }) {
  const repository = institutionsRepository(db);
  return {
    async list() {
      const items = (await repository.list()).map(toInstitution);
      return { items, total: items.length, limit: 100, offset: 0 };
    },
    async get(id: string) {
      const row = await repository.find(id);
      if (!row) throw notFound('institution');
      return toInstitution(row);
    },
    /** The administrator sets the institution's EWP id (its internet domain); no two institutions share one. */
    update(who: Who, id: string, body: z.output<typeof institutionUpdate>) {
      return inTransaction(db, async (tx) => {
        const within = institutionsRepository(tx);
        const before = await within.find(id);
        if (!before) throw notFound('institution');
        const holder = body.heiId ? await within.findByHeiId(body.heiId) : undefined;
        if (holder && holder.id !== id) throw conflict('hei_id_taken', `Another institution has the EWP id ${body.heiId} already.`);
        const after = (await within.update(id, { heiId: body.heiId }))!;
        await writeAudit(tx, who, {
          action: 'institution.update',
          entityType: 'institution',
          entityId: id,
          institutionId: id,
          before: { heiId: before.heiId },
          after: { heiId: after.heiId },
        });
        return toInstitution(after);
      });
    },
  };
}
export type InstitutionsService = ReturnType<typeof createInstitutionsService>;
