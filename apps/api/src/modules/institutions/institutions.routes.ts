import { asc, eq } from 'drizzle-orm';
import { institutions, type Executor } from '@exchange/db';
import { idParams, institution, page } from '@exchange/shared';
import { notFound } from '../../errors.js';
import { problems, type Api } from '../../lib/route.js';

export type InstitutionRow = typeof institutions.$inferSelect;

export const toInstitution = (row: InstitutionRow) => ({
  id: row.id,
  code: row.code,
  name: row.name,
  city: row.city,
  country: row.country,
  timeZone: row.timeZone,
});

export async function listInstitutions(db: Executor) {
  return (await db.select().from(institutions).orderBy(asc(institutions.code))).map(toInstitution);
}

export async function institutionsRoutes(app: Api) {
  app.get('/institutions', {
    config: { access: 'public' },
    schema: { tags: ['institutions'], summary: 'The parties of the agreement', response: { 200: page(institution), ...problems() } },
    handler: async () => {
      const items = await listInstitutions(app.db);
      return { items, total: items.length, limit: 100, offset: 0 };
    },
  });

  app.get('/institutions/:id', {
    config: { access: 'public' },
    schema: { tags: ['institutions'], params: idParams, response: { 200: institution, ...problems() } },
    handler: async (request) => {
      const [row] = await app.db.select().from(institutions).where(eq(institutions.id, request.params.id));
      if (!row) throw notFound('institution');
      return toInstitution(row);
    },
  });
}
