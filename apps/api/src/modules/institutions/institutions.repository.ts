import { asc, eq } from 'drizzle-orm';
import { institutions, type Executor } from '@exchange/db';

export type InstitutionRow = typeof institutions.$inferSelect;

/** The parties' reads, over one database handle. */
export function institutionsRepository(db: Executor) {
  return {
    list: () => db.select().from(institutions).orderBy(asc(institutions.code)),
    async find(id: string) {
      const [row] = await db.select().from(institutions).where(eq(institutions.id, id));
      return row;
    },
  };
}
