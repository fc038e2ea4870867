/** The audit log: who changed what, written with the change. */
import { z } from 'zod';
import { locales } from '../enums.js';
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

/** The filters of the log and of its export: who, what, which institution, when (from inclusive, to exclusive). */
export const auditFilter = z.strictObject({
  entityType: text(50).optional(),
  entityId: text(64).optional(),
  actorId: id.optional(),
  /** Part of the acting person's e-mail, any case. */
  actor: text(254).optional(),
  /** An action (`user.create`) or its start (`user.`). */
  action: text(100).optional(),
  /** An administrator's filter; a coordinator always sees its own institution's entries only. */
  institutionId: id.optional(),
  from: instant.optional(),
  to: instant.optional(),
});
export type AuditFilter = z.infer<typeof auditFilter>;

export const auditListQuery = listQuery.extend(auditFilter.shape);
export type AuditListQuery = z.infer<typeof auditListQuery>;

/** The most entries one export holds; narrow the filters for more. */
export const auditExportMaxRows = 10_000;
export const auditExportQuery = auditFilter.extend({ lang: z.enum(locales).optional() });
