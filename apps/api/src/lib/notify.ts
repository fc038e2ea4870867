import { eq } from 'drizzle-orm';
import { mailDigestEntries, mailOutbox, notifications, users, type Executor } from '@exchange/db';
import { notificationPath, renderNotification } from '@exchange/shared';

/** Kinds a reader may take as one mail a day (users.nominationMail); all others mail at once. */
const digestKinds = new Set(['nomination.received']);

/**
 * Tells a person about a change: an in-app notification and an e-mail in their language.
 * Call it with the transaction of the change: both exist exactly when the change does, and
 * the mail worker sends the e-mail later, so a slow or failing mail server never blocks it.
 * The e-mail links to the page it is about; a reader who chose the daily digest gets new
 * nominees in the next digest instead (the in-app notification stays immediate).
 */
export async function notify(tx: Executor, userId: string, kind: string, params: Record<string, unknown> = {}) {
  const [user] = await tx.select({ email: users.email, locale: users.locale, nominationMail: users.nominationMail }).from(users).where(eq(users.id, userId));
  if (!user) return;
  await tx.insert(notifications).values({ userId, kind, params });
  if (digestKinds.has(kind) && user.nominationMail === 'daily') {
    await tx.insert(mailDigestEntries).values({ userId, kind, params });
    return;
  }
  const { subject, body } = renderNotification(kind, params, user.locale);
  await tx.insert(mailOutbox).values({ toAddress: user.email, subject, body, locale: user.locale, linkPath: notificationPath(kind, params) ?? null });
}
