import { z } from 'zod';
import { sqlState, type calls, type Database, type Executor } from '@exchange/db';
import { applicationUpdate, canViewApplication, canViewCall, isCallOpen, type Actor, type ApplicationPage, type ApplicationStatus } from '@exchange/shared';
import { conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import type { Clock } from '../../lib/clock.js';
import { applicationsPage, findApplication, toApplications, type ApplicationFilter, type ApplicationSort } from './applications.repository.js';
import {
  deletePreferences,
  findProfile,
  insertApplication,
  insertHistory,
  insertPreferences,
  institutionNames,
  lineDestinations,
  offeredQuotaIds,
  updateApplication,
} from './application-changes.repository.js';
import { reviewOperations } from './application-review.service.js';
import { identityOf, submissionOperations } from './application-submission.service.js';
import { documentOperations } from './documents.service.js';
import { changeStatus, type Loaded } from './status.js';

type CallRow = typeof calls.$inferSelect;

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

  return {
    ...documentOperations({ db, load, ownDraft }),
    ...submissionOperations({ db, clock, load, ownDraft, view }),
    ...reviewOperations({ db, clock, load, view }),

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

    /** A page as the JSON text of the contract's applicationPage, built by PostgreSQL in one statement. */
    async list(actor: Actor, query: ApplicationFilter & ApplicationSort & { limit: number; offset: number }) {
      const { limit, offset, sort, order, ...filter } = query;
      const scoped: ApplicationFilter = { ...filter };
      if (actor.role === 'student') scoped.studentId = actor.id;
      else if (actor.role !== 'admin') scoped.institutionId = actor.institutionId ?? '00000000-0000-0000-0000-000000000000';
      return applicationsPage(db, scoped, { sort, order }, limit, offset, { forStudent: actor.role === 'student' });
    },

    /** Rows for an export: every matching application the actor may see, in list order. */
    async exportRows(actor: Actor, query: ApplicationFilter & ApplicationSort) {
      const { sort, order, ...filter } = query;
      const scoped: ApplicationFilter = { ...filter };
      if (actor.role !== 'admin') scoped.institutionId = actor.institutionId ?? '00000000-0000-0000-0000-000000000000';
      const page = await applicationsPage(db, scoped, { sort, order }, 10_000, 0, { forStudent: false });
      const { items } = JSON.parse(page) as ApplicationPage;
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
  };
}
export type ApplicationsService = ReturnType<typeof createApplicationsService>;
