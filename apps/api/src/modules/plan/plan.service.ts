/**
 * The plan of measures, item by item: administrators add, change, reorder and remove items;
 * the responsible institution's coordinators report status and note and attach evidence.
 * Everyone else is told the item does not exist. Every change is audited, and the item's
 * history is read back from those entries.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Executor } from '@exchange/db';
import { agreementCalendarZone, localDateIn, type Actor, type Agreement, type Locale, type planItemCreate, type planItemUpdate } from '@exchange/shared';
import { forbidden, notFound, unprocessable } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import type { Clock } from '../../lib/clock.js';
import { readsPlan, toPlanItem } from '../../lib/plan-items.js';
import { toIso } from '../../lib/route.js';
import { inTransaction } from '../../lib/transaction.js';
import { checkUpload, storedFileName } from '../../lib/uploads.js';
import { writerLocale } from '../../lib/writer-locale.js';
import type { PlanReport } from './plan-export.js';
import { historyOf } from './plan-history.js';
import { planProgress } from './plan-progress.js';
import {
  deleteEvidence,
  deleteItem,
  findEvidence,
  findItem,
  insertEvidence,
  insertItem,
  itemAuditEntries,
  listEvidence,
  listItems,
  reorderItems,
  timeZones,
  updateItem,
  type PlanItemRow,
} from './plan.repository.js';

/** What the plan needs of the agreements module. */
export type Agreements = {
  lock(tx: Executor, id: string): Promise<unknown>;
  partyIds(tx: Executor, id: string): Promise<string[]>;
  find(tx: Executor, id: string): Promise<Agreement | undefined>;
};

type Need = 'read' | 'report';
const facts = (row: PlanItemRow) => ({
  title: row.title,
  deadline: row.deadline,
  responsibleInstitutionId: row.responsibleInstitutionId,
  status: row.status,
  note: row.note,
  noteLocale: row.noteLocale,
});

export function createPlanService({ db, clock, agreements }: { db: Database; clock: Clock; agreements: Agreements }) {
  const shape = async (tx: Executor, row: PlanItemRow) => {
    const zones = await timeZones(tx);
    return toPlanItem(row, clock(), (id) => zones.get(id));
  };

  /** Readers: administrators and the parties' staff; reporters: administrators and the responsible coordinators. */
  function may(actor: Actor, need: Need, partyIds: string[], item: PlanItemRow) {
    if (actor.role === 'admin') return true;
    if (need === 'report') return actor.role === 'coordinator' && actor.institutionId !== null && actor.institutionId === item.responsibleInstitutionId;
    return readsPlan(actor, partyIds);
  }

  async function visibleItem(tx: Executor, actor: Actor, agreementId: string, itemId: string, need: Need, forUpdate = false) {
    const partyIds = await agreements.partyIds(tx, agreementId);
    const item = partyIds.length > 0 ? await findItem(tx, agreementId, itemId, { forUpdate }) : undefined;
    if (!item || !may(actor, need, partyIds, item)) throw notFound('plan item');
    return { item, partyIds };
  }

  async function lockedAgreement(tx: Executor, agreementId: string) {
    if (!(await agreements.lock(tx, agreementId))) throw notFound('agreement');
    return agreements.partyIds(tx, agreementId);
  }

  const mustBeParty = (partyIds: string[], institutionId: string | null | undefined) => {
    if (institutionId && !partyIds.includes(institutionId)) {
      throw unprocessable('not_a_party', 'The responsible institution must be a party of the agreement.', {
        errors: [{ path: 'body.responsibleInstitutionId', code: 'not_a_party', message: 'Not a party of the agreement' }],
      });
    }
  };

  return {
    create(who: Who, agreementId: string, body: z.output<typeof planItemCreate>) {
      return inTransaction(db, async (tx) => {
        const partyIds = await lockedAgreement(tx, agreementId);
        mustBeParty(partyIds, body.responsibleInstitutionId);
        const row = await insertItem(tx, { agreementId, ...body });
        await writeAudit(tx, who, {
          action: 'plan_item.create',
          entityType: 'plan_item',
          entityId: row.id,
          institutionId: row.responsibleInstitutionId,
          after: { agreementId, ...facts(row) },
        });
        return shape(tx, row);
      });
    },

    update(who: Who, agreementId: string, itemId: string, body: z.output<typeof planItemUpdate>) {
      return inTransaction(db, async (tx) => {
        const { item, partyIds } = await visibleItem(tx, who.actor, agreementId, itemId, 'report', true);
        const { locale, note, ...fields } = body;
        if (who.actor.role !== 'admin' && (fields.title !== undefined || fields.deadline !== undefined || fields.responsibleInstitutionId !== undefined)) {
          throw forbidden('The responsible institution reports the status and a note; administrators change the rest.');
        }
        mustBeParty(partyIds, fields.responsibleInstitutionId);
        const values: Partial<PlanItemRow> = { ...fields };
        if (note !== undefined) {
          values.note = note || null;
          values.noteLocale = note ? (locale ?? ((await writerLocale(tx, who.actor.id)) as Locale | null)) : null;
        }
        // A moved deadline or new owners make a new reminder due.
        const deadlineMoved = fields.deadline !== undefined && fields.deadline !== item.deadline;
        const ownersChanged = fields.responsibleInstitutionId !== undefined && fields.responsibleInstitutionId !== item.responsibleInstitutionId;
        if (deadlineMoved || ownersChanged) values.reminderSentAt = null;
        const updated = await updateItem(tx, item.id, values);
        await writeAudit(tx, who, {
          action: 'plan_item.update',
          entityType: 'plan_item',
          entityId: item.id,
          institutionId: updated.responsibleInstitutionId,
          before: facts(item),
          after: { agreementId, ...facts(updated) },
        });
        return shape(tx, updated);
      });
    },

    remove(who: Who, agreementId: string, itemId: string) {
      return inTransaction(db, async (tx) => {
        await lockedAgreement(tx, agreementId);
        const item = await findItem(tx, agreementId, itemId, { forUpdate: true });
        if (!item) throw notFound('plan item');
        const evidence = await listEvidence(tx, item.id);
        await deleteItem(tx, item.id);
        await writeAudit(tx, who, {
          action: 'plan_item.delete',
          entityType: 'plan_item',
          entityId: item.id,
          institutionId: item.responsibleInstitutionId,
          before: { agreementId, ...facts(item), evidence: evidence.map((file) => ({ fileName: file.fileName, sha256: file.sha256 })) },
        });
      });
    },

    reorder(who: Who, agreementId: string, itemIds: string[]) {
      return inTransaction(db, async (tx) => {
        await lockedAgreement(tx, agreementId);
        const before = (await listItems(tx, agreementId)).map((row) => row.id);
        if (before.length !== itemIds.length || !itemIds.every((id) => before.includes(id))) {
          throw unprocessable('plan_order_mismatch', 'Give every item of the plan once, in the new order.', {
            errors: [{ path: 'body.itemIds', code: 'mismatch', message: 'Every item of the plan, once' }],
          });
        }
        await reorderItems(tx, itemIds);
        await writeAudit(tx, who, { action: 'plan.reorder', entityType: 'agreement', entityId: agreementId, institutionId: null, before, after: itemIds });
        const zones = await timeZones(tx);
        return { items: (await listItems(tx, agreementId)).map((row) => toPlanItem(row, clock(), (id) => zones.get(id))) };
      });
    },

    async detail(actor: Actor, agreementId: string, itemId: string) {
      const { item, partyIds } = await visibleItem(db, actor, agreementId, itemId, 'read');
      const evidence = await listEvidence(db, item.id);
      return {
        agreementId,
        item: await shape(db, item),
        evidence: evidence.map((file) => ({
          id: file.id,
          fileName: file.fileName,
          contentType: file.contentType,
          size: file.size,
          uploadedAt: toIso(file.createdAt),
          uploadedBy: file.uploadedBy ? { id: file.uploadedBy, name: file.uploaderName ?? '' } : null,
        })),
        canReport: may(actor, 'report', partyIds, item),
      };
    },

    async history(actor: Actor, agreementId: string, itemId: string) {
      const { item } = await visibleItem(db, actor, agreementId, itemId, 'read');
      return { items: historyOf(await itemAuditEntries(db, item.id)) };
    },

    /** Readers of the plan only; anyone else is told the agreement's plan does not exist, as for its items. */
    async progress(actor: Actor, agreementId: string) {
      const partyIds = await agreements.partyIds(db, agreementId);
      if (partyIds.length === 0 || !readsPlan(actor, partyIds)) throw notFound('agreement');
      const zones = await timeZones(db);
      const items = (await listItems(db, agreementId)).map((row) => toPlanItem(row, clock(), (id) => zones.get(id)));
      return planProgress(items, partyIds);
    },

    /** What the exported report shows, in the reader's language. */
    async report(actor: Actor, agreementId: string, locale: Locale): Promise<PlanReport> {
      const agreement = await agreements.find(db, agreementId);
      const partyIds = agreement?.parties.map((party) => party.id) ?? [];
      if (!agreement || !readsPlan(actor, partyIds)) throw notFound('agreement');
      const progress = planProgress(agreement.plan, partyIds);
      return { agreement, progress, today: localDateIn(clock(), agreementCalendarZone), locale };
    },

    addEvidence(who: Who, agreementId: string, itemId: string, fileName: string, content: Buffer) {
      return inTransaction(db, async (tx) => {
        const { item } = await visibleItem(tx, who.actor, agreementId, itemId, 'report', true);
        const accepted = checkUpload(fileName, content);
        const id = randomUUID();
        const row = await insertEvidence(tx, {
          id,
          planItemId: item.id,
          fileName: storedFileName('evidence', id, accepted),
          contentType: accepted.contentType,
          size: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
          uploadedBy: who.actor.id,
        });
        await writeAudit(tx, who, {
          action: 'plan_item.evidence_add',
          entityType: 'plan_item',
          entityId: item.id,
          institutionId: item.responsibleInstitutionId,
          after: { agreementId, evidenceId: id, fileName: row.fileName, contentType: row.contentType, size: row.size, sha256: row.sha256 },
        });
        const uploader = (await listEvidence(tx, item.id)).find((file) => file.id === id)?.uploaderName ?? who.actor.email;
        return {
          id,
          fileName: row.fileName,
          contentType: row.contentType,
          size: row.size,
          uploadedAt: toIso(row.createdAt),
          uploadedBy: { id: who.actor.id, name: uploader },
        };
      });
    },

    async evidence(actor: Actor, agreementId: string, itemId: string, evidenceId: string) {
      const { item } = await visibleItem(db, actor, agreementId, itemId, 'read');
      const file = await findEvidence(db, item.id, evidenceId, { withContent: true });
      if (!file) throw notFound('evidence');
      return file;
    },

    removeEvidence(who: Who, agreementId: string, itemId: string, evidenceId: string) {
      return inTransaction(db, async (tx) => {
        const { item } = await visibleItem(tx, who.actor, agreementId, itemId, 'report', true);
        const file = await findEvidence(tx, item.id, evidenceId);
        if (!file) throw notFound('evidence');
        if (who.actor.role !== 'admin' && file.uploadedBy !== who.actor.id) throw forbidden('Only whoever uploaded a file, or an administrator, removes it.');
        await deleteEvidence(tx, file.id);
        await writeAudit(tx, who, {
          action: 'plan_item.evidence_remove',
          entityType: 'plan_item',
          entityId: item.id,
          institutionId: item.responsibleInstitutionId,
          before: { agreementId, evidenceId: file.id, fileName: file.fileName, sha256: file.sha256 },
        });
      });
    },
  };
}
export type PlanService = ReturnType<typeof createPlanService>;
