import type { Database } from '@exchange/db';
import { notFound } from '../../errors.js';
import { toIso, toIsoOrNull } from '../../lib/route.js';
import { notificationsRepository } from './notifications.repository.js';

export function createNotificationsService({ db }: { db: Database }) {
  const repository = notificationsRepository(db);
  return {
    async list(userId: string, query: { limit: number; offset: number; unread?: 'true' | 'false' | undefined }) {
      const { limit, offset } = query;
      const { rows, total, unread } = await repository.page(userId, query.unread === 'true', limit, offset);
      return {
        items: rows.map((row) => ({
          id: row.id,
          kind: row.kind,
          params: row.params,
          createdAt: toIso(row.createdAt),
          readAt: toIsoOrNull(row.readAt),
        })),
        total,
        limit,
        offset,
        unread,
      };
    },

    async markRead(userId: string, id: string) {
      if (!(await repository.markRead(userId, id))) throw notFound('notification');
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
