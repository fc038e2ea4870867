import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { Database, Executor, Transaction } from '@exchange/db';
import { callCreate, callUpdate, canManageCalls, canViewCall, type Actor } from '@exchange/shared';
import { conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import {
  countSubmittedApplications,
  findCall,
  insertCall,
  institutionExists,
  listCalls,
  quotaLinesByIds,
  replaceCallQuotas,
  updateCall,
  withQuotas,
  type CallFilter,
} from './calls.repository.js';

/** Fields that shape what students applied to: frozen once anyone has submitted. */
const structuralFields = [
  'academicYear',
  'mobilityType',
  'maxPreferences',
  'minGpa',
  'languageRequirement',
  'requiredDocuments',
  'requiredIdentity',
  'quotaIds',
] as const;

/**
 * Whether an edit keeps a structural field as it is. Compares values, never JSON text: jsonb
 * hands keys back in its own order, and lists such as the required documents or the quota
 * lines are sets whose order means nothing.
 */
function sameTerms(proposed: unknown, current: unknown): boolean {
  const normal = (value: unknown): unknown => (Array.isArray(value) ? [...value].map(String).sort() : (value ?? null));
  return isDeepStrictEqual(normal(proposed), normal(current));
}

/** A call may offer only lines its institution sends on, for the call's year and kind of mobility. */
async function checkQuotas(tx: Transaction, institutionId: string, academicYear: string, mobilityType: string, quotaIds: string[]) {
  if (quotaIds.length === 0) return;
  const rows = await quotaLinesByIds(tx, quotaIds);
  const errors = quotaIds.flatMap((quotaId, index) => {
    const line = rows.find((row) => row.id === quotaId);
    if (!line) return [{ path: `body.quotaIds.${index}`, code: 'not_found', message: 'No such quota line' }];
    if (line.sendingInstitutionId !== institutionId)
      return [{ path: `body.quotaIds.${index}`, code: 'not_sending', message: 'The call’s institution does not send on this line' }];
    if (line.academicYear !== academicYear || line.mobilityType !== mobilityType) {
      return [{ path: `body.quotaIds.${index}`, code: 'mismatch', message: 'The line is for another year or kind of mobility' }];
    }
    return [];
  });
  if (errors.length > 0) throw unprocessable('invalid_quota_lines', 'Some quota lines cannot be offered by this call.', { errors });
}

export function createCallsService({ db }: { db: Database }) {
  async function view(actor: Actor, id: string) {
    const row = await findCall(db, id);
    if (!row || !canViewCall(actor, row)) throw notFound('call');
    return (await withQuotas(db, [row]))[0]!;
  }

  return {
    /** The call's row, read in the caller's transaction: how other modules look a call up. */
    find: (tx: Executor, id: string) => findCall(tx, id),

    view,

    /** Students see their institution's published calls; staff their institution's; admins all. */
    list(
      actor: Actor,
      query: {
        status?: 'draft' | 'published' | 'cancelled' | undefined;
        open?: 'true' | 'false' | undefined;
        academicYear?: string | undefined;
      },
      limit: number,
      offset: number,
    ) {
      const filter: CallFilter = {
        status: query.status,
        academicYear: query.academicYear,
        open: query.open === undefined ? undefined : query.open === 'true',
      };
      if (actor.role !== 'admin') filter.institutionId = actor.institutionId ?? '00000000-0000-0000-0000-000000000000';
      if (actor.role === 'student') filter.publishedOnly = true;
      return listCalls(db, filter, limit, offset);
    },

    /**
     * A coordinator creates calls of its own institution (naming another one is refused, 403);
     * an administrator names the institution, which must exist (422).
     */
    create(who: Who, input: z.output<typeof callCreate>) {
      const { actor } = who;
      if (actor.role === 'coordinator' && input.institutionId !== undefined && input.institutionId !== actor.institutionId) {
        throw forbidden('Coordinators create calls of their own institution only.');
      }
      const institutionId = input.institutionId ?? actor.institutionId;
      if (!institutionId) {
        throw unprocessable('validation_failed', 'Say which institution the call belongs to.', {
          errors: [{ path: 'body.institutionId', code: 'required', message: 'Required' }],
        });
      }
      if (!canManageCalls(actor, institutionId)) throw forbidden('Calls are created by the coordinators of an institution.');
      return db.transaction(async (tx) => {
        if (!(await institutionExists(tx, institutionId))) {
          throw unprocessable('validation_failed', 'No such institution.', {
            errors: [{ path: 'body.institutionId', code: 'not_found', message: 'No such institution' }],
          });
        }
        await checkQuotas(tx, institutionId, input.academicYear, input.mobilityType, input.quotaIds);
        const { quotaIds, opensAt, closesAt, institutionId: _institutionId, ...fields } = input;
        const created = await insertCall(tx, { ...fields, institutionId, opensAt: new Date(opensAt), closesAt: new Date(closesAt) });
        await replaceCallQuotas(tx, created.id, quotaIds);
        const after = (await withQuotas(tx, [created]))[0]!;
        await writeAudit(tx, who, { action: 'call.create', entityType: 'call', entityId: created.id, institutionId, after });
        return after;
      });
    },

    update(who: Who, id: string, input: z.output<typeof callUpdate>) {
      return db.transaction(async (tx) => {
        const before = await findCall(tx, id, { forUpdate: true });
        if (!before || !canViewCall(who.actor, before)) throw notFound('call');
        if (!canManageCalls(who.actor, before.institutionId)) throw forbidden('Only the coordinators of the call’s institution change it.');
        const beforeView = (await withQuotas(tx, [before]))[0]!;

        const changesStructure = structuralFields.some((field) => input[field] !== undefined && !sameTerms(input[field], beforeView[field]));
        if (changesStructure) {
          if ((await countSubmittedApplications(tx, id)) > 0) {
            throw conflict('call_has_applications', 'Students have already applied on these terms: only the texts and the window can change now.');
          }
        }
        const opensAt = input.opensAt ? new Date(input.opensAt) : before.opensAt;
        const closesAt = input.closesAt ? new Date(input.closesAt) : before.closesAt;
        if (opensAt >= closesAt) {
          throw unprocessable('invalid_window', 'The call must open before it closes.', {
            errors: [{ path: 'body.closesAt', code: 'before_opening', message: 'Before the opening' }],
          });
        }
        const academicYear = input.academicYear ?? before.academicYear;
        const mobilityType = input.mobilityType ?? before.mobilityType;
        const quotaIds = input.quotaIds ?? beforeView.quotaIds;
        if (input.quotaIds || input.academicYear || input.mobilityType) {
          await checkQuotas(tx, before.institutionId, academicYear, mobilityType, quotaIds);
        }
        const { quotaIds: _quotaIds, opensAt: _opensAt, closesAt: _closesAt, ...fields } = input;
        const updated = await updateCall(tx, id, { ...fields, opensAt, closesAt });
        if (input.quotaIds) await replaceCallQuotas(tx, id, input.quotaIds);
        const after = (await withQuotas(tx, [updated]))[0]!;
        await writeAudit(tx, who, {
          action:
            input.status && input.status !== before.status
              ? `call.${input.status === 'published' ? 'publish' : input.status === 'cancelled' ? 'cancel' : 'update'}`
              : 'call.update',
          entityType: 'call',
          entityId: id,
          institutionId: before.institutionId,
          before: beforeView,
          after,
        });
        return after;
      });
    },
  };
}
export type CallsService = ReturnType<typeof createCallsService>;
