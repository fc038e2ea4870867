import { asc, eq } from 'drizzle-orm';
import { institutions, type Executor } from '@exchange/db';

export type InstitutionRow = typeof institutions.$inferSelect;

/** The parties' reads, over one database handle. */
export function institutionsRepository(db: Executor) {
  return {
    list: () => db.select().from(institutions).orderBy(asc(institutions.code)),
    async findByHeiId(heiId: string) {
      const [row] = await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.heiId, heiId));
      return row;
    },
    async update(id: string, values: Partial<typeof institutions.$inferInsert>) {
      const [row] = await db.update(institutions).set(values).where(eq(institutions.id, id)).returning();
      return row;
    },
    async find(id: string) {
      const [row] = await db.select().from(institutions).where(eq(institutions.id, id));
      return row;
    },
  };
}
