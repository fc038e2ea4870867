import { and, asc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { identityProviders, institutions, oidcSignIns, userIdentities, users, type Executor } from '@exchange/db';

export type ProviderRow = typeof identityProviders.$inferSelect;

export async function institutionExists(db: Executor, id: string) {
  const [row] = await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, id));
  return Boolean(row);
}

export async function findProvider(db: Executor, institutionId: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(identityProviders).where(eq(identityProviders.institutionId, institutionId));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** The enabled providers, for the sign-in page's buttons, in the order of the institutions' codes. */
export async function listEnabledProviders(db: Executor) {
  return db
    .select({ institutionId: identityProviders.institutionId, displayName: identityProviders.displayName })
    .from(identityProviders)
    .innerJoin(institutions, eq(institutions.id, identityProviders.institutionId))
    .where(eq(identityProviders.enabled, true))
    .orderBy(asc(institutions.code));
}

type ProviderValues = Pick<ProviderRow, 'issuer' | 'clientId' | 'clientSecret' | 'displayName' | 'enabled'>;

export async function upsertProvider(tx: Executor, institutionId: string, values: ProviderValues) {
  const [row] = await tx
    .insert(identityProviders)
    .values({ institutionId, ...values })
    .onConflictDoUpdate({ target: identityProviders.institutionId, set: { ...values, updatedAt: sql`now()` } })
    .returning();
  return row!;
}

/** A sign-in between the redirect and the callback; sign-ins long expired are cleared on the way. */
export async function insertSignIn(
  db: Executor,
  values: { state: string; institutionId: string; nonce: string; codeVerifier: string; redirectUri: string },
  minutes: number,
) {
  await db.delete(oidcSignIns).where(lt(oidcSignIns.expiresAt, sql`now() - interval '1 day'`));
  await db.insert(oidcSignIns).values({ ...values, expiresAt: sql`now() + make_interval(mins => ${minutes}::int)` });
}

/** Uses a sign-in once, in one statement: of two callbacks with the same state, one gets it. */
export async function consumeSignIn(db: Executor, state: string) {
  const [row] = await db
    .update(oidcSignIns)
    .set({ usedAt: sql`now()` })
    .where(and(eq(oidcSignIns.state, state), isNull(oidcSignIns.usedAt), gt(oidcSignIns.expiresAt, sql`now()`)))
    .returning();
  return row;
}

export async function findIdentity(tx: Executor, issuer: string, subject: string) {
  const [row] = await tx
    .select()
    .from(userIdentities)
    .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)));
  return row;
}

/** An account of this institution by e-mail, whatever the case. */
export async function findMemberByEmail(tx: Executor, institutionId: string, email: string) {
  const [row] = await tx
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${email})`, eq(users.institutionId, institutionId)));
  return row;
}

export async function findUser(tx: Executor, id: string) {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  return row;
}

/** Links the provider's identity to the account; false when the account has another identity at this issuer. */
export async function linkIdentity(tx: Executor, values: { issuer: string; subject: string; userId: string; institutionId: string }) {
  const inserted = await tx.insert(userIdentities).values(values).onConflictDoNothing().returning({ userId: userIdentities.userId });
  return inserted.length > 0;
}

/**
 * The provider proved the address of an account nobody had proven: whoever set its password
 * may not have owned the address, so the password goes and the address counts as proven.
 */
export async function claimUnprovenAccount(tx: Executor, userId: string) {
  const [row] = await tx
    .update(users)
    .set({ passwordHash: null, emailVerifiedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)))
    .returning();
  return row;
}
