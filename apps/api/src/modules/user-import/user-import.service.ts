import type { Database } from '@exchange/db';
import {
  canImportStudents,
  userImportMapping,
  type Actor,
  type UserImport,
  type UserImportMapping,
  type UserImportPreview,
  type UserImportRowError,
} from '@exchange/shared';
import { notFound, unprocessable } from '../../errors.js';
import { mailAccountLink } from '../../lib/account-mail.js';
import { issueAccountToken } from '../../lib/account-tokens.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import { toIso, toIsoOrNull } from '../../lib/route.js';
import { toUser } from '../../lib/shapes.js';
import { readSheet } from './import-file.js';
import { checkMapping, checkRows, guessMapping, type Candidate } from './import-rows.js';
import { userImportRepository, type UserImportRow } from './user-import.repository.js';

/** Rows written per transaction: each batch is whole or absent, and `processed` moves after each. */
export const importBatchSize = 100;
const pauseBetweenBatchesMs = 50;
/** At most this many row errors go back in one answer; `errorRows` counts them all. */
const listedErrors = 1000;

export type ImportRequest = { fileName: string; content: Buffer; dryRun: boolean; mapping?: string | undefined; institutionId?: string | undefined };

const toUserImport = (row: UserImportRow): UserImport => ({
  id: row.id,
  institutionId: row.institutionId,
  fileName: row.fileName,
  status: row.status,
  total: row.total,
  processed: row.processed,
  created: row.created,
  unchanged: row.unchanged,
  errors: row.errors as UserImportRowError[],
  createdAt: toIso(row.createdAt),
  finishedAt: toIsoOrNull(row.finishedAt),
});

function parseMapping(json: string | undefined): UserImportMapping | undefined {
  if (json === undefined || json === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = undefined;
  }
  const parsed = userImportMapping.safeParse(value);
  if (!parsed.success)
    throw unprocessable('mapping_invalid', 'The column mapping cannot be read.', { errors: [{ path: 'mapping', code: 'invalid', message: 'Invalid' }] });
  return parsed.data;
}

const institutionRequired = () =>
  unprocessable('institution_required', 'Choose the institution of the students.', {
    errors: [{ path: 'institutionId', code: 'required', message: 'Required' }],
  });

export function createUserImportService({ db }: { db: Database }) {
  /** Imports running in this process: closing the app waits for them. */
  const running = new Set<Promise<void>>();

  /** Reads and checks the whole file: what would be created, what exists already, what is refused. Writes nothing. */
  async function check(actor: Actor, request: ImportRequest) {
    // An import belongs to one institution, the one whose staff may read it back: an administrator chooses it.
    const chosen = actor.role === 'admin' ? (request.institutionId ?? null) : actor.institutionId;
    if (actor.role !== 'admin' && request.institutionId && request.institutionId !== actor.institutionId) throw notFound('institution');
    if (!chosen) throw institutionRequired();
    const repository = userImportRepository(db);
    const parties = await repository.parties();
    if (chosen && !parties.some((party) => party.id === chosen)) throw notFound('institution');
    const sheet = await readSheet(request.content);
    const mapping = parseMapping(request.mapping) ?? guessMapping(sheet.columns);
    checkMapping(mapping, sheet.columns.length);
    const { candidates, errors } = checkRows(sheet, mapping, parties, { chosen, home: chosen });
    if (candidates.some((candidate) => !canImportStudents(actor, candidate.institutionId))) throw notFound('institution');

    const existing = await repository.existingAccounts(candidates.map((candidate) => candidate.email));
    const toWrite: Candidate[] = [];
    let unchanged = 0;
    for (const candidate of candidates) {
      const found = existing.get(candidate.email);
      if (!found) toWrite.push(candidate);
      else if (found.role === 'student' && found.institutionId === candidate.institutionId) {
        toWrite.push(candidate);
        unchanged += 1;
      } else {
        // Whether the address is in use at another institution is not this institution's to learn.
        const here = found.institutionId === candidate.institutionId;
        errors.push({
          row: candidate.line,
          field: 'email',
          code: 'email_taken',
          message: here ? 'Cannot be imported: this e-mail belongs to a staff account of this institution' : 'Cannot be imported: this e-mail cannot be used',
          value: candidate.email,
        });
      }
    }
    errors.sort((a, b) => a.row - b.row);
    return { sheet, mapping, toWrite, unchanged, errors, institutionId: chosen };
  }

  /** Writes the rows batch by batch, each batch with its accounts, invitations and audit entries in one transaction. */
  async function write(who: Who, importId: string, toWrite: Candidate[]) {
    try {
      for (let start = 0; start < toWrite.length; start += importBatchSize) {
        const batch = toWrite.slice(start, start + importBatchSize);
        await db.transaction(async (tx) => {
          const repository = userImportRepository(tx);
          const created = await repository.insertStudents(batch);
          for (const account of created) {
            await mailAccountLink(tx, account, 'invitation', await issueAccountToken(tx, account.id, 'invitation'));
            await writeAudit(tx, who, {
              action: 'user.import',
              entityType: 'user',
              entityId: account.id,
              institutionId: account.institutionId,
              after: toUser(account),
            });
          }
          await repository.progress(importId, { processed: batch.length, created: created.length });
        });
        // A breath between batches: on the embedded database (one connection) other requests,
        // the progress reads among them, would otherwise wait for the whole import.
        await new Promise((resolve) => setTimeout(resolve, pauseBetweenBatchesMs));
      }
      await userImportRepository(db).finish(importId, 'done');
    } catch (error) {
      await userImportRepository(db)
        .finish(importId, 'failed')
        .catch(() => undefined);
      throw error;
    }
  }

  return {
    /** The dry run: the preview with an error per row. */
    async preview(actor: Actor, request: ImportRequest): Promise<UserImportPreview> {
      const checked = await check(actor, request);
      return {
        fileName: request.fileName,
        columns: checked.sheet.columns,
        mapping: checked.mapping,
        total: checked.sheet.rows.length,
        toCreate: checked.toWrite.length - checked.unchanged,
        unchanged: checked.unchanged,
        errors: checked.errors.slice(0, listedErrors),
        errorRows: new Set(checked.errors.map((error) => error.row)).size,
      };
    },

    /**
     * Checks the whole file, records the import and answers at once; the rows are then written
     * in batches, `processed` telling any API instance how far it got. Refused rows are listed
     * on the import and skipped; a refused file writes nothing.
     */
    async start(who: Who, request: ImportRequest, options: { onError: (error: unknown) => void }): Promise<UserImport> {
      const checked = await check(who.actor, request);
      const row = await db.transaction(async (tx) => {
        const started = await userImportRepository(tx).start({
          institutionId: checked.institutionId,
          actorId: who.actor.id,
          fileName: request.fileName.slice(0, 255),
          total: checked.toWrite.length,
          errors: checked.errors.slice(0, listedErrors),
        });
        await writeAudit(tx, who, {
          action: 'user_import.start',
          entityType: 'user_import',
          entityId: started.id,
          institutionId: started.institutionId,
          after: { fileName: started.fileName, rows: checked.sheet.rows.length, toWrite: started.total, refusedRows: checked.errors.length },
        });
        return started;
      });
      // Writing starts once this answer is on its way: the first batch would otherwise hold it up on the embedded database.
      const job = new Promise((resolve) => setTimeout(resolve, 0)).then(() => write(who, row.id, checked.toWrite)).catch(options.onError);
      running.add(job);
      void job.finally(() => running.delete(job));
      return toUserImport(row);
    },

    async get(actor: Actor, id: string): Promise<UserImport> {
      const row = await userImportRepository(db).find(id);
      if (!row || !canImportStudents(actor, row.institutionId)) throw notFound('import');
      return toUserImport(row);
    },

    /** Waits for the imports this process is writing (graceful shutdown, tests). */
    settled: () => Promise.all([...running]).then(() => undefined),
  };
}
export type UserImportService = ReturnType<typeof createUserImportService>;
