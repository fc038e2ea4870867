import type { Database } from '@exchange/db';
import { auditScope, type Actor } from '@exchange/shared';
import { toIso } from '../../lib/route.js';
import { auditRepository, type AuditFilter } from './audit.repository.js';

export function createAuditService({ db }: { db: Database }) {
  const repository = auditRepository(db);
  return {
    /** Entries newest first: all for an admin, the own institution's for anyone else. */
    async list(actor: Actor, query: Omit<AuditFilter, 'institutionId'> & { limit: number; offset: number }) {
      const { limit, offset, entityType, entityId, actorId } = query;
      const institutionId = actor.role === 'admin' ? undefined : (auditScope(actor) ?? '00000000-0000-0000-0000-000000000000');
      const { rows, total } = await repository.page({ institutionId, entityType, entityId, actorId }, limit, offset);
      return {
        items: rows.map((row) => ({
          id: row.id,
          at: toIso(row.at),
          actorId: row.actorId,
          actorEmail: row.actorEmail,
          institutionId: row.institutionId,
          action: row.action,
          entityType: row.entityType,
          entityId: row.entityId,
          before: row.before,
          after: row.after,
        })),
        total,
        limit,
        offset,
      };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
