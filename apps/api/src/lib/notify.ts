import { eq } from 'drizzle-orm';
import { mailOutbox, notifications, users, type Executor } from '@exchange/db';
import { renderNotification } from '@exchange/shared';

/**
 * Tells a person about a change: an in-app notification and an e-mail in their language.
 * Call it with the transaction of the change: both exist exactly when the change does, and
 * the mail worker sends the e-mail later, so a slow or failing mail server never blocks it.
 */
export async function notify(tx: Executor, userId: string, kind: string, params: Record<string, unknown> = {}) {
  const [user] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId));
  if (!user) return;
  await tx.insert(notifications).values({ userId, kind, params });
  const { subject, body } = renderNotification(kind, params, user.locale);
  await tx.insert(mailOutbox).values({ toAddress: user.email, subject, body });
}
