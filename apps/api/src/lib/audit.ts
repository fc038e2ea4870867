import type { FastifyRequest } from 'fastify';
import { auditEntries, type Executor } from '@exchange/db';
import type { Actor } from '@exchange/shared';

export type AuditRecord = {
  action: string;
  entityType: string;
  entityId: string | null;
  institutionId: string | null;
  before?: unknown;
  after?: unknown;
};

/** Fields never copied into the audit log. */
const secretFields = new Set(['passwordHash', 'password', 'token']);

function scrub(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(scrub);
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !secretFields.has(key))
      .map(([key, inner]) => [key, scrub(inner)]),
  );
}

/**
 * Records a change. Call it with the transaction that makes the change, so the entry exists
 * exactly when the change does.
 */
export async function writeAudit(tx: Executor, who: { actor: (Actor & { email?: string }) | null; requestId?: string }, record: AuditRecord): Promise<void> {
  await tx.insert(auditEntries).values({
    actorId: who.actor?.id ?? null,
    actorEmail: who.actor?.email ?? null,
    institutionId: record.institutionId,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    before: scrub(record.before),
    after: scrub(record.after),
    requestId: who.requestId ?? null,
  });
}

/** The acting person and request, as the audit log wants them. */
export const auditContext = (request: FastifyRequest) => ({ actor: request.actor, requestId: request.id });

/** A signed-in caller of a route that declared its access. */
export type Who = { actor: Actor & { email: string }; requestId: string };

export function who(request: FastifyRequest): Who {
  // Routes for signed-in roles never run without an actor: the auth hook refuses first.
  if (!request.actor) throw new Error('who() called on a public route');
  return { actor: request.actor, requestId: request.id };
}
