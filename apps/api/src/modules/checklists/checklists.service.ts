import type { Executor } from '@exchange/db';
import { daysOfStay, dueDateOf, isOverdue, type DueRule, type Mobility } from '@exchange/shared';
import type { Checklist, JoinedMobility } from '../mobilities/index.js';
import { insertItems, listItems, listTemplate, setDueOn, type ChecklistItemRow } from './checklists.repository.js';

/** A document the host asks for at admission: the student uploads it two weeks before the start. */
const requestedDocumentDue: DueRule = { anchor: 'start', days: -14, unit: 'calendar' };

export function toItem(row: ChecklistItemRow, today: string): Mobility['checklist'][number] {
  return {
    id: row.id,
    key: row.key,
    title: row.title,
    owner: row.owner,
    dueOn: row.dueOn,
    status: row.status,
    note: row.note,
    documentId: row.documentId,
    requiresProof: row.requiresProof,
    overdue: isOverdue(row, today),
  };
}

export function createChecklistsService() {
  const anchors = (loaded: JoinedMobility) => ({ start: loaded.mobility.plannedStart, arrival: loaded.mobility.arrivedOn });

  const checklist: Checklist = {
    async onAdmitted(tx: Executor, loaded: JoinedMobility, requestedDocuments: string[]) {
      const { mobility, hostCountry } = loaded;
      const days = mobility.plannedStart && mobility.plannedEnd ? daysOfStay(mobility.plannedStart, mobility.plannedEnd) : 0;
      const template = (await listTemplate(tx, mobility.receivingInstitutionId)).filter((step) => step.minStayDays === null || days >= step.minStayDays);
      const requested = requestedDocuments.map((title, index) => ({
        key: `document-${index + 1}`,
        title: { ru: title, zh: title, en: title },
        owner: 'student' as const,
        dueRule: requestedDocumentDue,
        requiresProof: true,
        position: 1000 + index,
      }));
      await insertItems(
        tx,
        [...template, ...requested].map((step) => ({
          mobilityId: mobility.id,
          key: step.key,
          title: step.title,
          owner: step.owner,
          dueRule: step.dueRule,
          requiresProof: step.requiresProof,
          position: step.position,
          dueOn: dueDateOf(step.dueRule ?? null, anchors(loaded), hostCountry),
        })),
      );
    },

    async onArrived(tx: Executor, loaded: JoinedMobility) {
      for (const item of await listItems(tx, loaded.mobility.id)) {
        if (item.dueRule?.anchor === 'arrival') await setDueOn(tx, item.id, dueDateOf(item.dueRule, anchors(loaded), loaded.hostCountry));
      }
    },

    async itemsFor(db: Executor, loaded: JoinedMobility, today: string) {
      return (await listItems(db, loaded.mobility.id)).map((row) => toItem(row, today));
    },
  };
  return checklist;
}
