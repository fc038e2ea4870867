import { eq } from 'drizzle-orm';
import { users, type Executor } from '@exchange/db';
import type { Locale } from '@exchange/shared';

/**
 * The language a person writes a free-text reason in: their account's language at the time.
 * Kept with the text, so a reader in another language is told it is not a translation.
 */
export async function writerLocale(tx: Executor, userId: string): Promise<Locale | null> {
  const [user] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return user?.locale ?? null;
}
