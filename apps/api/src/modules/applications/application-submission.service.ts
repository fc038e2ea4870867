/**
 * A student's own moves with an application: submitting a complete draft before the deadline
 * (which keeps the identity for the next draft) and withdrawing it while the call is open.
 * Part of the applications service, which passes its loaders.
 */
import type { Database, Executor } from '@exchange/db';
import { identityFields, isCallOpen, missingForSubmission, type Actor, type LanguageRequirement, type MissingItem } from '@exchange/shared';
import { AppError, conflict, forbidden, unprocessable } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import type { Clock } from '../../lib/clock.js';
import type { ApplicationRow } from './applications.repository.js';
import { accountStatus, chosenLineRequirements, saveProfile } from './application-changes.repository.js';
import { currentDocumentTypes } from './application-documents.repository.js';
import { changeStatus, type ApplicationView, type Loaded } from './status.js';

/** A missing item as a field error: documents by type, certificates by language. */
function missingError(entry: MissingItem) {
  if (entry.item === 'document')
    return { path: `documents.${entry.documentType}`, code: 'missing', message: `Upload the ${entry.documentType.replace(/_/g, ' ')}` };
  if (entry.item === 'languageCertificate') {
    return {
      path: `languageCertificates.${entry.language}`,
      code: 'missing',
      message: `Add a language certificate (${entry.language}${entry.scale ? `, ${entry.scale} ${entry.level} or higher` : ''})`,
    };
  }
  return { path: entry.item, code: 'missing', message: `Fill in ${entry.item}` };
}

/** What the application still lacks before it can be submitted (the shared rule). */
async function missingFor(tx: Executor, loaded: Loaded): Promise<MissingItem[]> {
  const id = loaded.application.id;
  const [chosenLines, documents] = await Promise.all([chosenLineRequirements(tx, id), currentDocumentTypes(tx, id)]);
  return missingForSubmission({
    application: loaded.application,
    call: loaded.call,
    chosenLines: chosenLines.map((line) => ({ languageRequirement: (line.languageRequirement as LanguageRequirement | null) ?? null })),
    documents: documents.map((document) => document.type),
  });
}

/** The identity fields of an application (or profile) row, for copying between the two. */
export const identityOf = (row: Record<(typeof identityFields)[number], unknown>) =>
  Object.fromEntries(identityFields.map((field) => [field, row[field]])) as Pick<ApplicationRow, (typeof identityFields)[number]>;

type Loaders = {
  db: Database;
  clock: Clock;
  /** An application the actor may see (anything else is missing). */
  load(tx: Executor, actor: Actor, id: string, options?: { forUpdate?: boolean }): Promise<Loaded>;
  /** The actor's own draft, locked for a change. */
  ownDraft(tx: Executor, actor: Actor, id: string): Promise<Loaded>;
  /** The application as the actor sees it. */
  view(tx: Executor, actor: Actor, loaded: Loaded): Promise<ApplicationView>;
};

export function submissionOperations({ db, clock, load, ownDraft, view }: Loaders) {
  return {
    submit(who: Who, id: string) {
      return db.transaction(async (tx) => {
        const loaded = await ownDraft(tx, who.actor, id);
        if ((await accountStatus(tx, who.actor.id)) !== 'active')
          throw new AppError(403, 'account_not_verified', 'Your account must be verified by your international office first.');
        if (!isCallOpen(loaded.call, clock())) throw conflict('call_closed', 'The call is closed: applications are no longer accepted.');
        const missing = await missingFor(tx, loaded);
        if (missing.length > 0) {
          throw unprocessable('application_incomplete', 'The application is not complete.', {
            missing,
            errors: missing.map(missingError),
          });
        }
        const updated = await changeStatus(tx, loaded, 'submitted', who.actor.id, { extra: { submittedAt: clock() } });
        // The submitted identity becomes the student's profile, so the next draft starts from it;
        // a field this application left empty keeps what an earlier one gave.
        const identity = identityOf(loaded.application);
        const given = Object.fromEntries(Object.entries(identity).filter(([, value]) => value !== null));
        await saveProfile(tx, { userId: who.actor.id, ...identity }, given);
        await writeAudit(tx, who, {
          action: 'application.submit',
          entityType: 'application',
          entityId: id,
          institutionId: loaded.call.institutionId,
          before: { status: 'draft' },
          after: { status: 'submitted' },
        });
        return view(tx, who.actor, { ...loaded, application: updated });
      });
    },

    withdraw(who: Who, id: string) {
      return db.transaction(async (tx) => {
        const loaded = await load(tx, who.actor, id, { forUpdate: true });
        if (loaded.application.studentId !== who.actor.id) throw forbidden('Only the student who applies withdraws an application.');
        if (!['draft', 'submitted'].includes(loaded.application.status)) {
          throw conflict('cannot_withdraw', 'The application has been decided on; ask your international office.');
        }
        if (clock() >= loaded.call.closesAt) throw conflict('call_closed', 'The call is closed: the application can no longer be withdrawn.');
        const updated = await changeStatus(tx, loaded, 'withdrawn', who.actor.id);
        await writeAudit(tx, who, {
          action: 'application.withdraw',
          entityType: 'application',
          entityId: id,
          institutionId: loaded.call.institutionId,
          before: { status: loaded.application.status },
          after: { status: 'withdrawn' },
        });
        return view(tx, who.actor, { ...loaded, application: updated });
      });
    },
  };
}
