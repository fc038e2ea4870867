import type { Database } from '@exchange/db';
import { auditExportMaxRows, auditScope, type Actor, type AuditEntry, type AuditFilter as AuditQuery } from '@exchange/shared';
import { toIso } from '../../lib/route.js';
import { auditRepository, type AuditFilter } from './audit.repository.js';

/** An institution no entry belongs to: what a coordinator asking for another institution's entries gets. */
const noInstitution = '00000000-0000-0000-0000-000000000000';

/** The filter as the caller may apply it: an administrator's as asked, anyone else's within their own institution. */
function scoped(actor: Actor, query: AuditQuery): AuditFilter {
  const own = auditScope(actor);
  const institutionId =
    actor.role === 'admin' ? query.institutionId : query.institutionId && query.institutionId !== own ? noInstitution : (own ?? noInstitution);
  return {
    institutionId,
    entityType: query.entityType,
    entityId: query.entityId,
    actorId: query.actorId,
    actor: query.actor,
    action: query.action,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
  };
}

type Row = Awaited<ReturnType<ReturnType<typeof auditRepository>['page']>>['rows'][number];
const toEntry = (row: Row): AuditEntry => ({
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
});

export function createAuditService({ db }: { db: Database }) {
  const repository = auditRepository(db);
  return {
    /** Entries newest first: all for an admin, the own institution's for anyone else. */
    async list(actor: Actor, query: AuditQuery & { limit: number; offset: number }) {
      const { limit, offset, ...filter } = query;
      const { rows, total } = await repository.page(scoped(actor, filter), limit, offset);
      return { items: rows.map(toEntry), total, limit, offset };
    },

    /** The filtered entries for a spreadsheet, newest first, at most `auditExportMaxRows`; with the parties to name them. */
    async exportRows(actor: Actor, query: AuditQuery) {
      const [{ rows, total }, parties] = await Promise.all([repository.page(scoped(actor, query), auditExportMaxRows, 0), repository.parties()]);
      return { items: rows.map(toEntry), total, parties };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
