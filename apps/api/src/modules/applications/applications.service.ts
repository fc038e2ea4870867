import { z } from 'zod';
import { sqlState, type calls, type Database, type Executor } from '@exchange/db';
import {
  applicationUpdate,
  canReviewApplication,
  canViewApplication,
  canViewCall,
  identityFields,
  isCallOpen,
  missingForSubmission,
  reviewBody,
  type Actor,
  type ApplicationStatus,
  type LanguageRequirement,
  type MissingItem,
} from '@exchange/shared';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import { writerLocale } from '../../lib/writer-locale.js';
import type { Clock } from '../../lib/clock.js';
import {
  findApplication,
  listApplications,
  toApplications,
  type ApplicationFilter,
  type ApplicationRow,
  type ApplicationSort,
} from './applications.repository.js';
import {
  accountStatus,
  chosenLineRequirements,
  deletePreferences,
  findProfile,
  insertApplication,
  insertHistory,
  insertPreferences,
  institutionNames,
  lineDestinations,
  offeredQuotaIds,
  saveProfile,
  updateApplication,
} from './application-changes.repository.js';
import { currentDocumentTypes } from './application-documents.repository.js';
import { documentOperations } from './documents.service.js';
import { changeStatus, type Loaded } from './status.js';

type CallRow = typeof calls.$inferSelect;

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

/** What an application needs of its call (the calls service provides it). */
export type Calls = { find(tx: Executor, id: string): Promise<CallRow | undefined> };

export function createApplicationsService({ db, clock, calls }: { db: Database; clock: Clock; calls: Calls }) {
  const forActor = (actor: Actor, loaded: Loaded) =>
    canViewApplication(actor, { studentId: loaded.application.studentId, homeInstitutionId: loaded.call.institutionId });

  /** Loads an application the actor may see; anything else is missing. */
  async function load(tx: Executor, actor: Actor, id: string, options: { forUpdate?: boolean } = {}) {
    const loaded = await findApplication(tx, id, options);
    if (!loaded || !forActor(actor, loaded)) throw notFound('application');
    return loaded;
  }

  /** Loads the actor's own draft for a change. */
  async function ownDraft(tx: Executor, actor: Actor, id: string) {
    const loaded = await load(tx, actor, id, { forUpdate: true });
    if (loaded.application.studentId !== actor.id) throw forbidden('Only the student who applies changes an application.');
    if (loaded.application.status !== 'draft') throw conflict('not_a_draft', 'The application has been submitted; it can no longer be changed.');
    return loaded;
  }

  async function view(tx: Executor, actor: Actor, loaded: Loaded) {
    const [one] = await toApplications(tx, [loaded], { forStudent: actor.role === 'student', withHistory: true });
    return one!;
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
  const identityOf = (row: Record<(typeof identityFields)[number], unknown>) =>
    Object.fromEntries(identityFields.map((field) => [field, row[field]])) as Pick<ApplicationRow, (typeof identityFields)[number]>;

  return {
    ...documentOperations({ db, load, ownDraft }),

    /** An application with its call, read in the caller's transaction (no access check: the caller decides). */
    find: (tx: Executor, id: string, options: { forUpdate?: boolean } = {}) => findApplication(tx, id, options),
    changeStatus,

    /** Moves an application along inside the caller's transaction (locked first): how other modules change its status. */
    async moveStatus(tx: Executor, id: string, to: ApplicationStatus, actorId: string | null, options: Parameters<typeof changeStatus>[4] = {}) {
      const loaded = (await findApplication(tx, id, { forUpdate: true }))!;
      return changeStatus(tx, loaded, to, actorId, options);
    },

    async get(actor: Actor, id: string) {
      return view(db, actor, await load(db, actor, id));
    },

    async list(actor: Actor, query: ApplicationFilter & ApplicationSort & { limit: number; offset: number }) {
      const { limit, offset, sort, order, ...filter } = query;
      const scoped: ApplicationFilter = { ...filter };
      if (actor.role === 'student') scoped.studentId = actor.id;
      else if (actor.role !== 'admin') scoped.institutionId = actor.institutionId ?? '00000000-0000-0000-0000-000000000000';
      const { rows, total, counts } = await listApplications(db, scoped, { sort, order }, limit, offset);
      const items = await toApplications(db, rows, { forStudent: actor.role === 'student', withHistory: false });
      return { items, total, limit, offset, counts };
    },

    /** Rows for an export: every matching application the actor may see, in list order. */
    async exportRows(actor: Actor, query: ApplicationFilter & ApplicationSort) {
      const { sort, order, ...filter } = query;
      const scoped: ApplicationFilter = { ...filter };
      if (actor.role !== 'admin') scoped.institutionId = actor.institutionId ?? '00000000-0000-0000-0000-000000000000';
      const { rows } = await listApplications(db, scoped, { sort, order }, 10_000, 0);
      const items = await toApplications(db, rows, { forStudent: false, withHistory: false });
      // What the rows name by id: the parties (names, time zones) and where each preferred line leads.
      const lineIds = [...new Set(items.flatMap((item) => item.preferences.map((preference) => preference.quotaId)))];
      const [parties, lines] = await Promise.all([institutionNames(db), lineIds.length > 0 ? lineDestinations(db, lineIds) : Promise.resolve([])]);
      return { items, institutions: parties, lines };
    },

    async create(who: Who, callId: string) {
      const { actor } = who;
      return db.transaction(async (tx) => {
        const call = await calls.find(tx, callId);
        if (!call || !canViewCall(actor, call) || actor.role !== 'student') throw notFound('call');
        if (!isCallOpen(call, clock())) throw conflict('call_closed', 'This call is not open for applications.');
        try {
          // A new draft starts with what the student told for an earlier application.
          const profile = await findProfile(tx, actor.id);
          const created = await insertApplication(tx, { callId, studentId: actor.id, ...(profile ? identityOf(profile) : {}) });
          const loaded = { application: created, call };
          await insertHistory(tx, { applicationId: created.id, fromStatus: null, toStatus: 'draft', actorId: actor.id });
          // A call with one line leaves nothing to choose: the draft starts with it as the first preference.
          const offered = await offeredQuotaIds(tx, callId);
          const preferences = offered.length === 1 ? [{ quotaId: offered[0]!, rank: 1 }] : [];
          if (preferences.length > 0) await insertPreferences(tx, created.id, preferences);
          await writeAudit(tx, who, {
            action: 'application.create',
            entityType: 'application',
            entityId: created.id,
            institutionId: call.institutionId,
            after: { callId, status: 'draft', preferences },
          });
          return view(tx, actor, loaded);
        } catch (error) {
          if (sqlState(error) === '23505') throw conflict('already_applied', 'You already have an application to this call.');
          throw error;
        }
      });
    },

    update(who: Who, id: string, input: z.output<typeof applicationUpdate>) {
      return db.transaction(async (tx) => {
        const loaded = await ownDraft(tx, who.actor, id);
        const before = await view(tx, who.actor, loaded);
        if (input.preferences) {
          const preferences = [...input.preferences].sort((a, b) => a.rank - b.rank);
          if (preferences.length > loaded.call.maxPreferences) {
            throw unprocessable('too_many_preferences', `This call allows at most ${loaded.call.maxPreferences} preferences.`, {
              errors: [{ path: 'body.preferences', code: 'too_many', message: `At most ${loaded.call.maxPreferences}` }],
            });
          }
          const offered = await offeredQuotaIds(tx, loaded.call.id);
          const errors = preferences.flatMap((preference, index) =>
            offered.includes(preference.quotaId)
              ? []
              : [{ path: `body.preferences.${index}.quotaId`, code: 'not_offered', message: 'The call does not offer this line' }],
          );
          if (errors.length > 0) throw unprocessable('preference_not_offered', 'Choose among the lines the call offers.', { errors });
          await deletePreferences(tx, id);
          // Ranks are stored as 1…n in the order given, whatever numbers the client used.
          if (preferences.length > 0) {
            await insertPreferences(
              tx,
              id,
              preferences.map((preference, index) => ({ quotaId: preference.quotaId, rank: index + 1 })),
            );
          }
        }
        const { preferences: _preferences, ...fields } = input;
        const updated = await updateApplication(tx, id, fields);
        const after = await view(tx, who.actor, { ...loaded, application: updated });
        await writeAudit(tx, who, {
          action: 'application.update',
          entityType: 'application',
          entityId: id,
          institutionId: loaded.call.institutionId,
          before,
          after,
        });
        return after;
      });
    },

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

    review(who: Who, id: string, input: z.output<typeof reviewBody>) {
      return db.transaction(async (tx) => {
        const loaded = await load(tx, who.actor, id, { forUpdate: true });
        if (!canReviewApplication(who.actor, { homeInstitutionId: loaded.call.institutionId }))
          throw forbidden('Reviews are written by the home international office.');
        if (!['submitted', 'ineligible'].includes(loaded.application.status)) {
          throw conflict('not_reviewable', 'Only submitted applications are reviewed, before the allocation.');
        }
        const before = {
          score: loaded.application.reviewScore,
          eligible: loaded.application.reviewEligible,
          comment: loaded.application.reviewComment,
          status: loaded.application.status,
        };
        const commentLocale = input.comment ? await writerLocale(tx, who.actor.id) : null;
        const review = {
          reviewScore: input.score,
          reviewEligible: input.eligible,
          reviewComment: input.comment || null,
          reviewCommentLocale: commentLocale,
          reviewedBy: who.actor.id,
          reviewedAt: clock(),
        };
        const target: ApplicationStatus = input.eligible ? 'submitted' : 'ineligible';
        const updated =
          target !== loaded.application.status
            ? await changeStatus(tx, loaded, target, who.actor.id, {
                note: input.eligible ? null : input.comment,
                noteLocale: commentLocale,
                params: { reason: input.comment, reasonLocale: commentLocale },
                extra: review,
              })
            : await updateApplication(tx, id, review);
        await writeAudit(tx, who, {
          action: 'application.review',
          entityType: 'application',
          entityId: id,
          institutionId: loaded.call.institutionId,
          before,
          after: { score: input.score, eligible: input.eligible, comment: input.comment, status: updated.status },
        });
        return view(tx, who.actor, { ...loaded, application: updated });
      });
    },
  };
}
export type ApplicationsService = ReturnType<typeof createApplicationsService>;
