/** In-app notifications of the signed-in user. */
import { z } from 'zod';
import { id, instant, page } from './common.js';

export const notification = z.object({
  id,
  kind: z.string(),
  params: z.record(z.string(), z.unknown()),
  createdAt: instant,
  readAt: instant.nullable(),
});
export type Notification = z.infer<typeof notification>;

/** A page of notifications with the number still unread (for the bell). */
export const notificationPage = page(notification).extend({ unread: z.number().int() });
export type NotificationPage = z.infer<typeof notificationPage>;
