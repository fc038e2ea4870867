import type { Database } from '@exchange/db';
import { notFound } from '../../errors.js';
import { institutionsRepository, type InstitutionRow } from './institutions.repository.js';

/** An institution as the contract shows it. */
export const toInstitution = (row: InstitutionRow) => ({
  id: row.id,
  code: row.code,
  name: row.name,
  city: row.city,
  country: row.country,
  timeZone: row.timeZone,
});

export function createInstitutionsService({ db }: { db: Database }) {
  const repository = institutionsRepository(db);
  return {
    async list() {
      const items = (await repository.list()).map(toInstitution);
      return { items, total: items.length, limit: 100, offset: 0 };
    },
    async get(id: string) {
      const row = await repository.find(id);
      if (!row) throw notFound('institution');
      return toInstitution(row);
    },
  };
}
export type InstitutionsService = ReturnType<typeof createInstitutionsService>;
