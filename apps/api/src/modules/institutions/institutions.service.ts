import type { Database } from '@exchange/db';
import { notFound } from '../../errors.js';
import { toInstitution } from '../../lib/shapes.js';
import { institutionsRepository } from './institutions.repository.js';

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
