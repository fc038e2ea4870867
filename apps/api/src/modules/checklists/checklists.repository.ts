import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { checklistTemplates, institutions, mobilities, mobilityChecklistItems, mobilityDocuments, type Executor } from '@exchange/db';

export type ChecklistItemRow = typeof mobilityChecklistItems.$inferSelect;
export type TemplateInsert = typeof checklistTemplates.$inferInsert;
export type DocumentInsert = typeof mobilityDocuments.$inferInsert;

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

/** One step of one mobility, locked when it is about to change. */
export async function findItem(db: Executor, mobilityId: string, itemId: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select()
    .from(mobilityChecklistItems)
    .where(and(eq(mobilityChecklistItems.id, itemId), eq(mobilityChecklistItems.mobilityId, mobilityId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function updateItem(tx: Executor, id: string, values: Partial<typeof mobilityChecklistItems.$inferInsert>) {
  const [row] = await tx
    .update(mobilityChecklistItems)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(mobilityChecklistItems.id, id))
    .returning();
  return row!;
}

export async function insertDocument(tx: Executor, values: DocumentInsert) {
  const [row] = await tx.insert(mobilityDocuments).values(values).returning();
  return row!;
}

/** A document of this mobility only: an id of another mobility's document is not found. */
export async function findDocument(db: Executor, mobilityId: string, documentId: string, options: { withContent?: boolean } = {}) {
  const { content, ...meta } = getTableColumns(mobilityDocuments);
  const [row] = await db
    .select(options.withContent ? { ...meta, content } : meta)
    .from(mobilityDocuments)
    .where(and(eq(mobilityDocuments.id, documentId), eq(mobilityDocuments.mobilityId, mobilityId)));
  return row as typeof mobilityDocuments.$inferSelect | undefined;
}

/** The institution, locked so two template replacements queue instead of colliding on keys. */
export async function lockInstitution(tx: Executor, institutionId: string) {
  const [row] = await tx.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, institutionId)).for('update');
  return row;
}

export async function findInstitution(db: Executor, institutionId: string) {
  const [row] = await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, institutionId));
  return row;
}

export async function replaceTemplate(tx: Executor, institutionId: string, steps: TemplateInsert[]) {
  await tx.delete(checklistTemplates).where(eq(checklistTemplates.institutionId, institutionId));
  if (steps.length > 0) await tx.insert(checklistTemplates).values(steps);
}

/** What the checklist needs of a mobility: its parties, its status and the host's zone. */
export async function findMobilityFacts(db: Executor, mobilityId: string) {
  const [row] = await db
    .select({
      id: mobilities.id,
      studentId: mobilities.studentId,
      sendingInstitutionId: mobilities.sendingInstitutionId,
      receivingInstitutionId: mobilities.receivingInstitutionId,
      status: mobilities.status,
      hostTimeZone: institutions.timeZone,
    })
    .from(mobilities)
    .innerJoin(institutions, eq(institutions.id, mobilities.receivingInstitutionId))
    .where(eq(mobilities.id, mobilityId));
  return row;
}
