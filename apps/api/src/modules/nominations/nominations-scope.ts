import type { z } from 'zod';
import type { Actor, nominationListQuery } from '@exchange/shared';
import type { NominationFilter } from './nominations.repository.js';

const nowhere = '00000000-0000-0000-0000-000000000000';

/** The tenant rule of a listing: an admin sees all, staff only nominations their institution is a side of. */
export function scopeFilter(actor: Actor, query: Omit<z.output<typeof nominationListQuery>, 'limit' | 'offset'>): NominationFilter {
  const { direction, academicYear, quotaId, status, q } = query;
  const filter: NominationFilter = { academicYear, quotaId, status, q };
  const own = actor.institutionId ?? nowhere;
  if (actor.role === 'admin') return filter;
  if (direction === 'incoming') filter.receivingInstitutionId = own;
  else if (direction === 'outgoing') filter.sendingInstitutionId = own;
  else filter.eitherInstitutionId = own;
  return filter;
}
