import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { auditEntries } from '@exchange/db';
import { auditEntry, auditListQuery, auditScope, page } from '@exchange/shared';
import { problems, toIso, type Api } from '../../lib/route.js';

export async function auditRoutes(app: Api) {
  app.get('/audit', {
    config: { access: ['admin', 'coordinator'] },
    schema: {
      tags: ['audit'],
      summary: 'Audit entries, newest first: all for an admin, own institution for a coordinator',
      security: [{ bearer: [] }],
      querystring: auditListQuery,
      response: { 200: page(auditEntry), ...problems() },
    },
    handler: async (request) => {
      const { limit, offset, entityType, entityId, actorId } = request.query;
      const scope = auditScope(request.actor!);
      const conditions: (SQL | undefined)[] = [
        request.actor!.role === 'admin' ? undefined : eq(auditEntries.institutionId, scope ?? '00000000-0000-0000-0000-000000000000'),
        entityType ? eq(auditEntries.entityType, entityType) : undefined,
        entityId ? eq(auditEntries.entityId, entityId) : undefined,
        actorId ? eq(auditEntries.actorId, actorId) : undefined,
      ];
      const where = and(...conditions);
      const [rows, [{ total } = { total: 0 }]] = await Promise.all([
        app.db.select().from(auditEntries).where(where).orderBy(desc(auditEntries.seq)).limit(limit).offset(offset),
        app.db.select({ total: count() }).from(auditEntries).where(where),
      ]);
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
  });
}
