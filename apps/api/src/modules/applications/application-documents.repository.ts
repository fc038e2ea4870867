import { and, eq, isNull, sql } from 'drizzle-orm';
import { applicationDocuments, type Executor, type Transaction } from '@exchange/db';

type DocumentInsert = typeof applicationDocuments.$inferInsert;

/** Marks the current document of `type` as replaced; returns what it was, if there was one. */
export async function retireCurrentDocument(tx: Transaction, applicationId: string, type: DocumentInsert['type']) {
  const [previous] = await tx
    .update(applicationDocuments)
    .set({ replacedAt: sql`now()` })
    .where(and(eq(applicationDocuments.applicationId, applicationId), eq(applicationDocuments.type, type), isNull(applicationDocuments.replacedAt)))
    .returning({
      id: applicationDocuments.id,
      fileName: applicationDocuments.fileName,
      size: applicationDocuments.size,
      sha256: applicationDocuments.sha256,
    });
  return previous;
}

export async function insertDocument(tx: Transaction, values: DocumentInsert) {
  const [created] = await tx.insert(applicationDocuments).values(values).returning({
    id: applicationDocuments.id,
    type: applicationDocuments.type,
    fileName: applicationDocuments.fileName,
    contentType: applicationDocuments.contentType,
    size: applicationDocuments.size,
    createdAt: applicationDocuments.createdAt,
  });
  return created!;
}

/** Marks a current document of the application as replaced by nothing; undefined if there is none. */
export async function retireDocument(tx: Transaction, applicationId: string, documentId: string) {
  const [removed] = await tx
    .update(applicationDocuments)
    .set({ replacedAt: sql`now()` })
    .where(and(eq(applicationDocuments.id, documentId), eq(applicationDocuments.applicationId, applicationId), isNull(applicationDocuments.replacedAt)))
    .returning({
      id: applicationDocuments.id,
      type: applicationDocuments.type,
      fileName: applicationDocuments.fileName,
      sha256: applicationDocuments.sha256,
    });
  return removed;
}

/** A document of the application, any version, with its content. */
export async function findDocument(db: Executor, applicationId: string, documentId: string) {
  const [document] = await db
    .select()
    .from(applicationDocuments)
    .where(and(eq(applicationDocuments.id, documentId), eq(applicationDocuments.applicationId, applicationId)));
  return document;
}

/** The types of the application's current documents (replaced versions left out). */
export async function currentDocumentTypes(tx: Executor, applicationId: string) {
  return tx
    .select({ type: applicationDocuments.type })
    .from(applicationDocuments)
    .where(and(eq(applicationDocuments.applicationId, applicationId), isNull(applicationDocuments.replacedAt)));
}
