import { asc, eq } from 'drizzle-orm';
import { checklistTemplates, mobilityChecklistItems, type Executor } from '@exchange/db';

export type ChecklistItemRow = typeof mobilityChecklistItems.$inferSelect;

export async function listTemplate(db: Executor, institutionId: string) {
  return db
    .select()
    .from(checklistTemplates)
    .where(eq(checklistTemplates.institutionId, institutionId))
    .orderBy(asc(checklistTemplates.position), asc(checklistTemplates.key));
}

export async function insertItems(tx: Executor, items: (typeof mobilityChecklistItems.$inferInsert)[]) {
  if (items.length === 0) return;
  await tx.insert(mobilityChecklistItems).values(items);
}

export async function listItems(db: Executor, mobilityId: string) {
  return db
    .select()
    .from(mobilityChecklistItems)
    .where(eq(mobilityChecklistItems.mobilityId, mobilityId))
    .orderBy(asc(mobilityChecklistItems.position), asc(mobilityChecklistItems.key));
}

export async function setDueOn(tx: Executor, id: string, dueOn: string | null) {
  await tx.update(mobilityChecklistItems).set({ dueOn }).where(eq(mobilityChecklistItems.id, id));
}
