import { z } from 'zod';
import { idParams, listQuery, notificationPage } from '@exchange/shared';
import { problems, type Api } from '../../lib/route.js';
import type { NotificationsService } from './notifications.service.js';

export async function notificationsRoutes(app: Api, { notifications }: { notifications: NotificationsService }) {
  app.get('/notifications', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['notifications'],
      summary: 'The caller’s notifications, newest first, with the unread count',
      security: [{ bearer: [] }],
      querystring: listQuery.extend({ unread: z.enum(['true', 'false']).optional() }),
      response: { 200: notificationPage, ...problems() },
    },
    handler: (request) => notifications.list(request.actor!.id, request.query),
  });

  app.post('/notifications/:id/read', {
    config: { access: 'signed-in' },
    schema: { tags: ['notifications'], security: [{ bearer: [] }], params: idParams, response: { 204: z.null(), ...problems() } },
    handler: async (request, reply) => {
      await notifications.markRead(request.actor!.id, request.params.id);
      return reply.code(204).send(null);
    },
  });
}
