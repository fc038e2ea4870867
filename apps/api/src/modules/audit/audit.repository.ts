import { and, count, desc, eq, gte, ilike, like, lt, or, type SQL } from 'drizzle-orm';
import { auditEntries, institutions, type Executor } from '@exchange/db';
import { escapeLike } from '../../lib/like.js';

export type AuditFilter = {
  institutionId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  /** Part of the acting person's e-mail. */
  actor?: string | undefined;
  /** An action, or the start of one (`user.`). */
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
};

function whereOf(filter: AuditFilter) {
  const conditions: (SQL | undefined)[] = [
    filter.institutionId ? eq(auditEntries.institutionId, filter.institutionId) : undefined,
    filter.entityType ? eq(auditEntries.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditEntries.entityId, filter.entityId) : undefined,
    filter.actorId ? eq(auditEntries.actorId, filter.actorId) : undefined,
    filter.actor ? ilike(auditEntries.actorEmail, `%${escapeLike(filter.actor)}%`) : undefined,
    filter.action ? or(eq(auditEntries.action, filter.action), like(auditEntries.action, `${escapeLike(filter.action)}%`)) : undefined,
    filter.from ? gte(auditEntries.at, filter.from) : undefined,
    filter.to ? lt(auditEntries.at, filter.to) : undefined,
  ];
  return and(...conditions);
}

/** The audit trail's reads, over one database handle. */
export function auditRepository(db: Executor) {
  return {
    async page(filter: AuditFilter, limit: number, offset: number) {
      const where = whereOf(filter);
      const [rows, [{ total } = { total: 0 }]] = await Promise.all([
        db.select().from(auditEntries).where(where).orderBy(desc(auditEntries.seq)).limit(limit).offset(offset),
        db.select({ total: count() }).from(auditEntries).where(where),
      ]);
      return { rows, total };
    },

    /** The parties, to name an entry's institution and read its time in that institution's zone. */
    parties: () => db.select({ id: institutions.id, code: institutions.code, name: institutions.name, timeZone: institutions.timeZone }).from(institutions),
  };
}
