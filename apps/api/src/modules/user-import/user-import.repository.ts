import { eq, inArray, sql } from 'drizzle-orm';
import { institutions, studentProfiles, userImports, users, type Executor } from '@exchange/db';
import type { Locale, UserImportRowError } from '@exchange/shared';
import type { Candidate, Party } from './import-rows.js';

export type UserImportRow = typeof userImports.$inferSelect;

/** The queries of bulk imports, over one database handle. */
export function userImportRepository(db: Executor) {
  return {
    async parties(): Promise<Party[]> {
      const rows = await db.select({ id: institutions.id, code: institutions.code, name: institutions.name, country: institutions.country }).from(institutions);
      return rows.map((row) => ({ ...row, name: row.name as Record<Locale, string> }));
    },

    /** The accounts that already hold some of these e-mails (stored lower-cased), in chunks a statement takes. */
    async existingAccounts(emails: string[]) {
      const found = new Map<string, { institutionId: string | null; role: string }>();
      for (let start = 0; start < emails.length; start += 1000) {
        const chunk = emails.slice(start, start + 1000);
        const rows = await db
          .select({ email: users.email, institutionId: users.institutionId, role: users.role })
          .from(users)
          .where(inArray(sql`lower(${users.email})`, chunk));
        for (const row of rows) found.set(row.email.toLowerCase(), { institutionId: row.institutionId, role: row.role });
      }
      return found;
    },

    async start(values: { institutionId: string; actorId: string; fileName: string; total: number; errors: UserImportRowError[] }) {
      const [row] = await db.insert(userImports).values(values).returning();
      return row!;
    },

    find: async (id: string) => (await db.select().from(userImports).where(eq(userImports.id, id)))[0],

    /**
     * Creates the students of one batch. An e-mail taken meanwhile (another import, a
     * registration) is skipped, not an error: the account exists either way.
     */
    async insertStudents(batch: Candidate[]) {
      const created = await db
        .insert(users)
        .values(
          batch.map((candidate) => ({
            email: candidate.email,
            fullName: candidate.fullName,
            fullNameLatin: candidate.fullNameLatin,
            role: 'student' as const,
            institutionId: candidate.institutionId,
            status: 'active' as const,
            locale: candidate.locale,
          })),
        )
        .onConflictDoNothing()
        .returning();
      const levels = new Map(batch.map((candidate) => [candidate.email, candidate.studyLevel]));
      const profiles = created.filter((row) => levels.get(row.email) != null).map((row) => ({ userId: row.id, studyLevel: levels.get(row.email)! }));
      if (profiles.length > 0) await db.insert(studentProfiles).values(profiles).onConflictDoNothing();
      return created;
    },

    async progress(id: string, step: { processed: number; created: number }) {
      await db
        .update(userImports)
        .set({
          processed: sql`${userImports.processed} + ${step.processed}`,
          created: sql`${userImports.created} + ${step.created}`,
          unchanged: sql`${userImports.unchanged} + ${step.processed - step.created}`,
        })
        .where(eq(userImports.id, id));
    },

    async finish(id: string, status: 'done' | 'failed') {
      const [row] = await db
        .update(userImports)
        .set({ status, finishedAt: sql`now()` })
        .where(eq(userImports.id, id))
        .returning();
      return row;
    },
  };
}
