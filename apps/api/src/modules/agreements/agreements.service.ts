import { createHash } from 'node:crypto';
import type { Database, Executor } from '@exchange/db';
import type { z } from 'zod';
import type { Actor, Agreement, agreementCreate, agreementListQuery, agreementUpdate } from '@exchange/shared';
import { AppError, notFound, unprocessable } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import { readsPlan } from '../../lib/plan-items.js';
import type { Clock } from '../../lib/clock.js';
import { toIso } from '../../lib/route.js';
import { checkUpload } from '../../lib/uploads.js';
import {
  agreementExists,
  agreementPartyIds,
  findAgreement,
  findDocument,
  insertAgreement,
  insertParties,
  insertPlanItems,
  knownInstitutionIds,
  listAgreements,
  lockAgreement,
  replaceDocument,
  updateAgreement,
} from './agreements.repository.js';

/** The agreement as `actor` may read it: the plan's notes only for administrators and the parties' staff. */
function asReadBy(actor: Actor, agreement: Agreement): Agreement {
  const partyIds = agreement.parties.map((party) => party.id);
  if (readsPlan(actor, partyIds)) return agreement;
  return { ...agreement, plan: agreement.plan.map((item) => ({ ...item, note: null, noteLocale: null })) };
}

export function createAgreementsService({ db, clock }: { db: Database; clock: Clock }) {
  return {
    /** Whether the agreement exists, read in the caller's transaction. */
    exists: (tx: Executor, id: string) => agreementExists(tx, id),
    /** The institutions party to the agreement (none if there is no such agreement). */
    partyIds: (tx: Executor, id: string) => agreementPartyIds(tx, id),
    /** The agreement's row locked in the caller's transaction: changes to its plan queue behind each other. */
    lock: (tx: Executor, id: string) => lockAgreement(tx, id),
    /** The agreement as the contract shows it, read in the caller's transaction. */
    find: (tx: Executor, id: string) => findAgreement(tx, id, clock()),

    async list(actor: Actor, query: z.output<typeof agreementListQuery>) {
      const found = await listAgreements(db, query, clock());
      return { ...found, items: found.items.map((agreement) => asReadBy(actor, agreement)) };
    },

    async get(actor: Actor, id: string) {
      const found = await findAgreement(db, id, clock());
      if (!found) throw notFound('agreement');
      return asReadBy(actor, found);
    },

    create(who: Who, input: z.output<typeof agreementCreate>) {
      return db.transaction(async (tx) => {
        const known = await knownInstitutionIds(tx, input.partyIds);
        if (known.length !== input.partyIds.length) {
          throw unprocessable('institution_not_found', 'Every party must be a known institution.', {
            errors: [{ path: 'body.partyIds', code: 'not_found', message: 'Unknown institution' }],
          });
        }
        const { partyIds, plan, ...fields } = input;
        for (const [index, item] of plan.entries()) {
          if (item.responsibleInstitutionId && !partyIds.includes(item.responsibleInstitutionId)) {
            throw unprocessable('not_a_party', 'The responsible institution must be a party of the agreement.', {
              errors: [{ path: `body.plan.${index}.responsibleInstitutionId`, code: 'not_a_party', message: 'Not a party' }],
            });
          }
        }
        const created = await insertAgreement(tx, fields);
        await insertParties(tx, created.id, partyIds);
        await insertPlanItems(tx, created.id, plan);
        const after = await findAgreement(tx, created.id, clock());
        await writeAudit(tx, who, { action: 'agreement.create', entityType: 'agreement', entityId: created.id, institutionId: null, after });
        return after!;
      });
    },

    /** The agreement's own fields; its plan changes item by item (the plan module). */
    update(who: Who, id: string, input: z.output<typeof agreementUpdate>) {
      return db.transaction(async (tx) => {
        const locked = await lockAgreement(tx, id);
        if (!locked) throw notFound('agreement');
        const before = await findAgreement(tx, id, clock());
        const validFrom = input.validFrom ?? locked.validFrom;
        const validTo = input.validTo ?? locked.validTo;
        if (validFrom > validTo) {
          throw unprocessable('invalid_validity', 'The agreement must start before it ends.', {
            errors: [{ path: 'body.validTo', code: 'invalid', message: 'Before the start' }],
          });
        }
        // A new end date (or a renewed agreement) is warned of afresh.
        const validityChanged = validTo !== locked.validTo || (input.status !== undefined && input.status !== locked.status);
        const fields = { ...input, ...(validityChanged ? { expiryNoticeDays: null } : {}) };
        if (Object.keys(fields).length > 0) await updateAgreement(tx, id, fields);
        const after = await findAgreement(tx, id, clock());
        const { plan: _before, ...beforeFields } = before!;
        const { plan: _after, ...afterFields } = after!;
        await writeAudit(tx, who, {
          action: 'agreement.update',
          entityType: 'agreement',
          entityId: id,
          institutionId: null,
          before: beforeFields,
          after: afterFields,
        });
        return after!;
      });
    },

    /** Stores the signed agreement (PDF only), replacing an earlier upload. */
    async uploadDocument(who: Who, id: string, fileName: string, content: Buffer) {
      const accepted = checkUpload(fileName, content);
      if (accepted.contentType !== 'application/pdf') throw new AppError(415, 'unsupported_file_type', 'Upload the signed agreement as a PDF file.');
      return db.transaction(async (tx) => {
        if (!(await lockAgreement(tx, id))) throw notFound('agreement');
        const sha256 = createHash('sha256').update(content).digest('hex');
        const { before, after } = await replaceDocument(tx, {
          agreementId: id,
          fileName: `agreement-${id.slice(0, 8)}.pdf`,
          contentType: accepted.contentType,
          size: content.length,
          sha256,
          content,
          uploadedBy: who.actor.id,
        });
        await writeAudit(tx, who, {
          action: before ? 'agreement.document_replace' : 'agreement.document_upload',
          entityType: 'agreement',
          entityId: id,
          institutionId: null,
          before: before ? { size: before.size, sha256: before.sha256 } : null,
          after: { fileName: after.fileName, size: after.size, sha256: after.sha256 },
        });
        return { fileName: after.fileName, size: after.size, sha256: after.sha256, uploadedAt: toIso(after.createdAt) };
      });
    },

    async document(id: string) {
      const found = await findDocument(db, id);
      if (!found) throw notFound('signed agreement');
      return found;
    },
  };
}
export type AgreementsService = ReturnType<typeof createAgreementsService>;
