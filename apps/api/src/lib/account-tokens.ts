import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { accountTokens, users, type Executor } from '@exchange/db';
import type { AccountTokenPurpose } from '@exchange/shared';

/** How long an e-mailed link works: an invitation waits a week, a reset an hour. */
export const accountTokenHours: Record<AccountTokenPurpose, number> = { invitation: 7 * 24, password_reset: 1 };

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A new single-use link for an account. Only its hash is stored, and earlier unused links of
 * the same purpose stop working, so only the newest e-mail opens the account.
 */
export async function issueAccountToken(tx: Executor, userId: string, purpose: AccountTokenPurpose): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
  await tx.insert(accountTokens).values({
    userId,
    purpose,
    tokenHash: hashOf(token),
    expiresAt: sql`now() + ${`${accountTokenHours[purpose]} hours`}::interval`,
  });
  return token;
}

/**
 * Ends every open link of an account, whatever its purpose: once a password is set, an
 * address proven or the account disabled, an older e-mail must not open it any more.
 */
export async function endAccountTokens(tx: Executor, userId: string) {
  await tx
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountTokens.userId, userId), isNull(accountTokens.usedAt)));
}

/**
 * Uses a link once: the account it opens, or nothing when the token is unknown, tampered,
 * used, expired, of another purpose or for a disabled account. Callers answer every one of
 * those alike, so a guess learns nothing. Locks the token row: of two concurrent uses, one wins.
 */
export async function consumeAccountToken(tx: Executor, token: string, purpose: AccountTokenPurpose): Promise<string | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const [row] = await tx
    .select({ id: accountTokens.id, userId: accountTokens.userId })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(
      and(
        eq(accountTokens.tokenHash, hashOf(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, sql`now()`),
        ne(users.status, 'disabled'),
      ),
    )
    .for('update', { of: accountTokens });
  if (!row) return undefined;
  await tx
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(eq(accountTokens.id, row.id));
  return row.userId;
}
