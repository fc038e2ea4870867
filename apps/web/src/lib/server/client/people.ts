/** Staff accounts, the bulk import of students and the audit log: what the people pages ask the API. */
import {
  auditEntry,
  page,
  user,
  userImport,
  userImportPreview,
  type AuditEntry,
  type Page,
  type User,
  type UserCreate,
  type UserImport,
  type UserImportPreview,
} from '@exchange/shared';
import { segment, type Query, type Transport } from './transport.js';

const auditPage = page(auditEntry);

/** The form fields of an import besides the file. */
export type ImportFields = { dryRun: boolean; mapping?: Record<string, number | null>; institutionId?: string };

function importForm(file: { name: string; content: Blob }, fields: ImportFields): FormData {
  const form = new FormData();
  form.set('dryRun', String(fields.dryRun));
  if (fields.mapping) form.set('mapping', JSON.stringify(fields.mapping));
  if (fields.institutionId) form.set('institutionId', fields.institutionId);
  form.set('file', file.content, file.name);
  return form;
}

export function createPeopleApi({ request, upload, file }: Transport) {
  return {
    createUser: (body: UserCreate): Promise<User> => request('POST', '/users', { body, schema: user }),
    inviteAgain: (id: string): Promise<User> => request('POST', `/users/${segment(id)}/invitation`, { schema: user }),

    previewImport: (list: { name: string; content: Blob }, fields: Omit<ImportFields, 'dryRun'>): Promise<UserImportPreview> =>
      upload('/users/import', importForm(list, { ...fields, dryRun: true }), userImportPreview),
    startImport: (list: { name: string; content: Blob }, fields: Omit<ImportFields, 'dryRun'>): Promise<UserImport> =>
      upload('/users/import', importForm(list, { ...fields, dryRun: false }), userImport),
    userImport: (id: string): Promise<UserImport> => request('GET', `/users/imports/${segment(id)}`, { schema: userImport }),

    audit: (query: Query): Promise<Page<AuditEntry>> => request('GET', '/audit', { query, schema: auditPage }),
    exportAudit: (format: 'csv' | 'xlsx', query: Query) => file(`/audit/export.${format}`, query),
  };
}
