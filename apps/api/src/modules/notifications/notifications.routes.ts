import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { notifications } from '@exchange/db';
import { idParams, listQuery, notification, page } from '@exchange/shared';
import { notFound } from '../../errors.js';
import { problems, toIso, toIsoOrNull, type Api } from '../../lib/route.js';

export async function notificationsRoutes(app: Api) {
  app.get('/notifications', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['notifications'],
      summary: 'The caller’s notifications, newest first, with the unread count',
      security: [{ bearer: [] }],
      querystring: listQuery.extend({ unread: z.enum(['true', 'false']).optional() }),
      response: { 200: page(notification).extend({ unread: z.number().int() }), ...problems() },
    },
    handler: async (request) => {
      const { limit, offset, unread } = request.query;
      const mine = eq(notifications.userId, request.actor!.id);
      const where = unread === 'true' ? and(mine, isNull(notifications.readAt)) : mine;
      const [rows, [{ total } = { total: 0 }], [{ unreadCount } = { unreadCount: 0 }]] = await Promise.all([
        app.db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(limit).offset(offset),
        app.db.select({ total: count() }).from(notifications).where(where),
        app.db.select({ unreadCount: count() }).from(notifications).where(and(mine, isNull(notifications.readAt))),
      ]);
      return {
        items: rows.map((row) => ({ id: row.id, kind: row.kind, params: row.params, createdAt: toIso(row.createdAt), readAt: toIsoOrNull(row.readAt) })),
        total,
        limit,
        offset,
        unread: unreadCount,
      };
    },
  });

  app.post('/notifications/:id/read', {
    config: { access: 'signed-in' },
    schema: { tags: ['notifications'], security: [{ bearer: [] }], params: idParams, response: { 204: z.null(), ...problems() } },
    handler: async (request, reply) => {
      const updated = await app.db
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
        .where(and(eq(notifications.id, request.params.id), eq(notifications.userId, request.actor!.id)))
        .returning({ id: notifications.id });
      if (updated.length === 0) throw notFound('notification');
      return reply.code(204).send(null);
    },
  });
}
