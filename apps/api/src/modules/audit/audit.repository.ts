import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { auditEntries, type Executor } from '@exchange/db';

export type AuditFilter = {
  institutionId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
};

/** The audit trail's reads, over one database handle. */
export function auditRepository(db: Executor) {
  return {
    async page(filter: AuditFilter, limit: number, offset: number) {
      const conditions: (SQL | undefined)[] = [
        filter.institutionId ? eq(auditEntries.institutionId, filter.institutionId) : undefined,
        filter.entityType ? eq(auditEntries.entityType, filter.entityType) : undefined,
        filter.entityId ? eq(auditEntries.entityId, filter.entityId) : undefined,
        filter.actorId ? eq(auditEntries.actorId, filter.actorId) : undefined,
      ];
      const where = and(...conditions);
      const [rows, [{ total } = { total: 0 }]] = await Promise.all([
        db.select().from(auditEntries).where(where).orderBy(desc(auditEntries.seq)).limit(limit).offset(offset),
        db.select({ total: count() }).from(auditEntries).where(where),
      ]);
      return { rows, total };
    },
  };
}
