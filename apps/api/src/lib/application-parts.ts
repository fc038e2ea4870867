/**
 * The parts of an application that more than one module's list shows with it (applications,
 * nominations): its ranked preferences and its current documents. SQL fragments shared by
 * those modules' repositories, kept here so neither imports the other's repository.
 */
import { and, asc, inArray, isNull, sql } from 'drizzle-orm';
import { applicationDocuments, applicationPreferences, applications, type Executor } from '@exchange/db';
import type { DocumentType } from '@exchange/shared';
import { toIso } from './route.js';

export type PagePreference = { quotaId: string; rank: number };
export type PageDocument = { id: string; type: DocumentType; fileName: string; contentType: string; size: number; uploadedAt: string };

/** Document fields without the content: lists never carry files. */
export const documentColumns = {
  id: applicationDocuments.id,
  applicationId: applicationDocuments.applicationId,
  type: applicationDocuments.type,
  fileName: applicationDocuments.fileName,
  contentType: applicationDocuments.contentType,
  size: applicationDocuments.size,
  createdAt: applicationDocuments.createdAt,
};

/**
 * A page's preferences and current documents, aggregated in the page's own statement: one
 * round trip instead of three.
 */
export const pageColumns = {
  preferences: sql<PagePreference[]>`(
    select coalesce(json_agg(json_build_object('quotaId', p.quota_id, 'rank', p.rank) order by p.rank), '[]'::json)
      from ${applicationPreferences} p where p.application_id = ${applications.id})`,
  documents: sql<PageDocument[]>`(
    select coalesce(json_agg(json_build_object('id', d.id, 'type', d.type, 'fileName', d.file_name, 'contentType', d.content_type,
             'size', d.size, 'uploadedAt', to_char(d.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) order by d.type), '[]'::json)
      from ${applicationDocuments} d where d.application_id = ${applications.id} and d.replaced_at is null)`,
};

/** An instant as JSON text, as `Date.toISOString` writes it: formatted once, by PostgreSQL. */
export const isoText = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The same two parts as JSON built by PostgreSQL, for a page assembled in SQL: `application` is
 * the expression of the application's id. Ordered by the indexes that find them (the primary key
 * on (application_id, rank), the current documents on (application_id, type)).
 */
export const preferencesJson = (application: string) => `coalesce((
    select json_agg(json_build_object('quotaId', p.quota_id, 'rank', p.rank) order by p.rank)
      from application_preferences p where p.application_id = ${application}), '[]'::json)`;
export const documentsJson = (application: string) => `coalesce((
    select json_agg(json_build_object('id', d.id, 'type', d.type, 'fileName', d.file_name, 'contentType', d.content_type,
             'size', d.size, 'uploadedAt', ${isoText('d.created_at')}) order by d.type)
      from application_documents d where d.application_id = ${application} and d.replaced_at is null), '[]'::json)`;

/**
 * The ranked preferences and current documents of these applications: brought along by a
 * list page (pageColumns), or read in two statements for a single application.
 */
export async function preferencesAndDocuments(
  db: Executor,
  rows: { application: { id: string }; preferences?: PagePreference[]; documents?: PageDocument[] }[],
) {
  if (rows.every((row) => row.preferences && row.documents)) {
    return {
      preferences: rows.flatMap((row) => row.preferences!.map((p) => ({ ...p, applicationId: row.application.id }))),
      documents: rows.flatMap((row) => row.documents!.map((d) => ({ ...d, applicationId: row.application.id }))),
    };
  }
  const ids = rows.map((row) => row.application.id);
  const [preferences, documents] = await Promise.all([
    db.select().from(applicationPreferences).where(inArray(applicationPreferences.applicationId, ids)).orderBy(asc(applicationPreferences.rank)),
    db
      .select(documentColumns)
      .from(applicationDocuments)
      .where(and(inArray(applicationDocuments.applicationId, ids), isNull(applicationDocuments.replacedAt)))
      .orderBy(asc(applicationDocuments.type)),
  ]);
  return { preferences, documents: documents.map(({ createdAt, ...d }) => ({ ...d, uploadedAt: toIso(createdAt) })) };
}
