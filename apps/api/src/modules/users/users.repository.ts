import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { userIdentities, users, type Executor } from '@exchange/db';
import type { Role, UserStatus } from '@exchange/shared';
import { escapeLike } from '../../lib/like.js';
import { toUser } from '../../lib/shapes.js';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function findUserById(db: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(users).where(eq(users.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export type UserFilter = {
  status?: UserStatus | undefined;
  role?: Role | undefined;
  /** Only these roles (a coordinator's view: students and reviewers). */
  roles?: readonly Role[] | undefined;
  institutionId?: string | undefined;
  q?: string | undefined;
};

export async function listUsers(db: Executor, filter: UserFilter, limit: number, offset: number) {
  const conditions: (SQL | undefined)[] = [
    filter.status ? eq(users.status, filter.status) : undefined,
    filter.role ? eq(users.role, filter.role) : undefined,
    filter.roles ? inArray(users.role, [...filter.roles]) : undefined,
    filter.institutionId ? eq(users.institutionId, filter.institutionId) : undefined,
    filter.q ? or(ilike(users.fullName, `%${escapeLike(filter.q)}%`), ilike(users.email, `%${escapeLike(filter.q)}%`)) : undefined,
  ];
  const where = and(...conditions);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db.select().from(users).where(where).orderBy(desc(users.createdAt), users.id).limit(limit).offset(offset),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { items: rows.map(toUser), total, limit, offset };
}

type UserInsert = typeof users.$inferInsert;

export async function insertUser(tx: Executor, values: UserInsert) {
  const [created] = await tx.insert(users).values(values).returning();
  return created!;
}

/** Writes the given fields of an account and stamps the change. */
export async function updateUser(tx: Executor, id: string, fields: Partial<UserInsert>) {
  const [after] = await tx
    .update(users)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return after!;
}

/** Unlinks every sign-in identity of the account: each was vouched for by one institution's provider. */
export async function deleteIdentities(tx: Executor, userId: string) {
  const deleted = await tx.delete(userIdentities).where(eq(userIdentities.userId, userId)).returning({ issuer: userIdentities.issuer });
  return deleted.length;
}
