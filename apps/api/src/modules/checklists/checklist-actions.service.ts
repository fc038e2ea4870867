/**
 * What people do with a mobility's checklist: the owner side marks a step done (with its proof
 * when the step asks for one), waived (with a reason) or open again; proofs and requested
 * documents are uploaded to the mobility; hosts keep their templates.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Executor } from '@exchange/db';
import { localDateIn, mobilitySide, type Actor, type checklistItemUpdate, type checklistTemplateUpdate } from '@exchange/shared';
import { conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import type { Clock } from '../../lib/clock.js';
import { toIso } from '../../lib/route.js';
import { inTransaction } from '../../lib/transaction.js';
import { checkUpload, storedFileName } from '../../lib/uploads.js';
import {
  findDocument,
  findInstitution,
  findItem,
  findMobilityFacts,
  insertDocument,
  listTemplate,
  lockInstitution,
  replaceTemplate,
  updateItem,
} from './checklists.repository.js';
import { toItem } from './checklists.service.js';

type Dependencies = { db: Database; clock: Clock };
type Side = NonNullable<ReturnType<typeof mobilitySide>>;

/** Offices act through their coordinators; a reviewer sees the mobility but changes nothing. */
const acts = (actor: Actor, side: Side) => side === 'admin' || side === 'student' || actor.role === 'coordinator';

export function createChecklistActions({ db, clock }: Dependencies) {
  async function visible(db: Executor, actor: Actor, mobilityId: string) {
    const loaded = await findMobilityFacts(db, mobilityId);
    const side = loaded && mobilitySide(actor, loaded);
    if (!loaded || !side) throw notFound('mobility');
    return { loaded, side };
  }

  const notCancelled = (status: string) => {
    if (status === 'cancelled') throw conflict('mobility_cancelled', 'This mobility was cancelled; nothing more can be done on it.');
  };

  return {
    async updateItem(who: Who, mobilityId: string, itemId: string, body: z.output<typeof checklistItemUpdate>) {
      return inTransaction(db, async (tx) => {
        const { loaded, side } = await visible(tx, who.actor, mobilityId);
        const item = await findItem(tx, mobilityId, itemId, { forUpdate: true });
        if (!item) throw notFound('checklist step');
        if (!acts(who.actor, side) || (side !== 'admin' && side !== item.owner)) {
          throw forbidden(`This step is the ${item.owner} side’s to mark.`);
        }
        notCancelled(loaded.status);
        const documentId = body.documentId === undefined ? item.documentId : body.documentId;
        if (documentId && !(await findDocument(tx, mobilityId, documentId))) {
          throw unprocessable('unknown_document', 'The proof must be a document uploaded to this mobility.', {
            errors: [{ path: 'body.documentId', code: 'unknown_document', message: 'Upload the proof to this mobility first' }],
          });
        }
        if (body.status === 'done' && item.requiresProof && !documentId) {
          throw unprocessable('proof_required', 'This step needs a proof: upload the document to the mobility and give its id.', {
            errors: [{ path: 'body.documentId', code: 'required', message: 'Required for this step' }],
          });
        }
        const settled = body.status !== 'open';
        const updated = await updateItem(tx, item.id, {
          status: body.status,
          note: body.note,
          documentId,
          doneBy: settled ? who.actor.id : null,
          doneAt: settled ? clock() : null,
        });
        const facts = (row: typeof item) => ({ key: row.key, status: row.status, note: row.note, documentId: row.documentId });
        await writeAudit(tx, who, {
          action: `checklist.${body.status === 'open' ? 'reopen' : body.status}`,
          entityType: 'mobility_checklist_item',
          entityId: item.id,
          institutionId: loaded.receivingInstitutionId,
          before: facts(item),
          after: { mobilityId, ...facts(updated) },
        });
        return toItem(updated, localDateIn(clock(), loaded.hostTimeZone));
      });
    },

    async addDocument(who: Who, mobilityId: string, fileName: string, content: Buffer) {
      const accepted = checkUpload(fileName, content);
      return inTransaction(db, async (tx) => {
        const { loaded, side } = await visible(tx, who.actor, mobilityId);
        if (side === 'admin' || !acts(who.actor, side)) throw forbidden('The student and the two offices’ coordinators upload documents.');
        notCancelled(loaded.status);
        const id = randomUUID();
        const row = await insertDocument(tx, {
          id,
          mobilityId,
          fileName: storedFileName('proof', id, accepted),
          contentType: accepted.contentType,
          size: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
          uploadedBy: who.actor.id,
        });
        await writeAudit(tx, who, {
          action: 'mobility.document_upload',
          entityType: 'mobility_document',
          entityId: id,
          institutionId: loaded.receivingInstitutionId,
          after: { mobilityId, fileName: row.fileName, contentType: row.contentType, size: row.size, sha256: row.sha256 },
        });
        return { id, fileName: row.fileName, contentType: row.contentType, size: row.size, uploadedAt: toIso(row.createdAt) };
      });
    },

    async document(actor: Actor, mobilityId: string, documentId: string) {
      await visible(db, actor, mobilityId);
      const document = await findDocument(db, mobilityId, documentId, { withContent: true });
      if (!document) throw notFound('document');
      return document;
    },

    async template(institutionId: string) {
      if (!(await findInstitution(db, institutionId))) throw notFound('institution');
      return { institutionId, steps: (await listTemplate(db, institutionId)).map(toStep) };
    },

    async replaceTemplate(who: Who, institutionId: string, body: z.output<typeof checklistTemplateUpdate>) {
      return inTransaction(db, async (tx) => {
        if (!(await lockInstitution(tx, institutionId))) throw notFound('institution');
        if (who.actor.role !== 'admin' && who.actor.institutionId !== institutionId) {
          throw forbidden('Only the institution’s own coordinators keep its checklist template.');
        }
        const before = (await listTemplate(tx, institutionId)).map(toStep);
        await replaceTemplate(
          tx,
          institutionId,
          body.steps.map((step, index) => ({ ...step, institutionId, position: (index + 1) * 10 })),
        );
        await writeAudit(tx, who, {
          action: 'checklist_template.replace',
          entityType: 'institution',
          entityId: institutionId,
          institutionId,
          before,
          after: body.steps,
        });
        return { institutionId, steps: (await listTemplate(tx, institutionId)).map(toStep) };
      });
    },
  };
}

function toStep(row: Awaited<ReturnType<typeof listTemplate>>[number]) {
  return {
    key: row.key,
    title: row.title,
    owner: row.owner,
    dueRule: row.dueRule ?? null,
    minStayDays: row.minStayDays,
    requiresProof: row.requiresProof,
  };
}

export type ChecklistActions = ReturnType<typeof createChecklistActions>;
