/** The audit log: who changed what, written with the change. */
import { z } from 'zod';
import { id, instant, listQuery, text } from './common.js';

export const auditEntry = z.object({
  id,
  at: instant,
  actorId: id.nullable(),
  actorEmail: z.string().nullable(),
  institutionId: id.nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditListQuery = listQuery.extend({
  entityType: text(50).optional(),
  entityId: text(64).optional(),
  actorId: id.optional(),
});
