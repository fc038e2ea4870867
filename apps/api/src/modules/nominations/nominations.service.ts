import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, notExists, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  applicationDocuments,
  applicationPreferences,
  applications,
  callQuotas,
  institutions,
  nominations,
  quotaLines,
  sqlState,
  users,
  type Database,
  type Executor,
} from '@exchange/db';
import {
  allocate,
  approvalUndoMinutes,
  canDecideNomination,
  canManageOutgoing,
  compareApplicants,
  describeOutcome,
  locales,
  nominationSide,
  partnerDocumentTypes,
  type Actor,
  type AllocationApplicant,
  nominationListQuery,
} from '@exchange/shared';
import { conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import { notify } from '../../lib/notify.js';
import { writerLocale } from '../../lib/writer-locale.js';
import { inTransaction } from '../../lib/transaction.js';
import { findApplication } from '../applications/applications.repository.js';
import { changeStatus, type Clock } from '../applications/applications.service.js';
import { findCall } from '../calls/calls.repository.js';
import { findNomination, listNominations, toNominations, type NominationFilter } from './nominations.repository.js';
import { freeSeat, takeSeat } from './seats.js';

type Loaded = NonNullable<Awaited<ReturnType<typeof findNomination>>>;
const nowhere = '00000000-0000-0000-0000-000000000000';

/**
 * Statuses the allocation places: new applicants, the waiting list (a seat may have freed up)
 * and those a partner rejected (offered their next choice that has a seat, never that partner again).
 */
const allocatable = ['submitted', 'waitlisted', 'declined'] as const;

/** Statuses from which an eligible application may be nominated by hand. */
const nominable = ['submitted', 'waitlisted', 'not_placed', 'declined', 'cancelled'];

export function createNominationsService({ db, clock }: { db: Database; clock: Clock }) {
  const sideOf = (actor: Actor) => (row: Loaded) => nominationSide(actor, row.nomination) ?? 'receiving';

  async function loadVisible(tx: Executor, actor: Actor, id: string, options: { forUpdate?: boolean } = {}) {
    const loaded = await findNomination(tx, id, options);
    if (!loaded || !nominationSide(actor, loaded.nomination)) throw notFound('nomination');
    return loaded;
  }

  async function view(tx: Executor, actor: Actor, id: string) {
    const loaded = await loadVisible(tx, actor, id);
    return (await toNominations(tx, [loaded], sideOf(actor)))[0]!;
  }

  async function institutionName(tx: Executor, id: string) {
    const [row] = await tx.select({ name: institutions.name }).from(institutions).where(eq(institutions.id, id));
    return row?.name ?? { ru: '', zh: '', en: '' };
  }

  /**
   * The one path that nominates: takes the seat atomically, records the nomination, moves the
   * application along, and tells the student and the partner. Used by manual nomination and
   * by the allocation alike.
   */
  async function nominate(tx: Executor, who: Who, applicationId: string, quotaId: string, note: string | null = null) {
    const loaded = await findApplication(tx, applicationId, { forUpdate: true });
    if (!loaded || !canManageOutgoing(who.actor, loaded.call.institutionId)) throw notFound('application');
    if (!nominable.includes(loaded.application.status) || loaded.application.reviewEligible !== true) {
      throw conflict('not_nominable', 'Only reviewed, eligible applications that hold no seat can be nominated.');
    }
    const [offered] = await tx.select().from(callQuotas).where(and(eq(callQuotas.callId, loaded.call.id), eq(callQuotas.quotaId, quotaId)));
    const [line] = await tx.select().from(quotaLines).where(eq(quotaLines.id, quotaId));
    if (!offered || !line) {
      throw unprocessable('line_not_offered', 'The call does not offer this quota line.', { errors: [{ path: 'body.quotaId', code: 'not_offered', message: 'Not offered by the call' }] });
    }
    if (!(await takeSeat(tx, quotaId))) throw conflict('quota_full', 'No seat is free on this quota line.');
    let created;
    try {
      [created] = await tx
        .insert(nominations)
        .values({ applicationId, quotaId, sendingInstitutionId: line.sendingInstitutionId, receivingInstitutionId: line.receivingInstitutionId, createdBy: who.actor.id })
        .returning();
    } catch (error) {
      if (sqlState(error) === '23505') throw conflict('already_nominated', 'This application already holds a seat.');
      throw error;
    }
    const partner = await institutionName(tx, line.receivingInstitutionId);
    // The only notes here are the allocation's reasons, which are written in English.
    await changeStatus(tx, loaded, 'nominated', who.actor.id, { note, noteLocale: 'en', params: { partner } });
    const [student] = await tx.select({ fullName: users.fullName }).from(users).where(eq(users.id, loaded.application.studentId));
    const home = await institutionName(tx, line.sendingInstitutionId);
    const partnerCoordinators = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.institutionId, line.receivingInstitutionId), eq(users.role, 'coordinator'), eq(users.status, 'active')));
    for (const coordinator of partnerCoordinators) {
      // Across the border: the Latin spelling too (rendered "Иванов Иван (Ivanov Ivan)").
      await notify(tx, coordinator.id, 'nomination.received', { partner: home, student: student!.fullName, studentLatin: loaded.application.fullNameLatin, nominationId: created!.id });
    }
    await writeAudit(tx, who, { action: 'nomination.create', entityType: 'nomination', entityId: created!.id, institutionId: line.sendingInstitutionId, after: created });
    return created!;
  }

  /** Eligible applications of a closed call and the free seats of its lines: the allocation's input. */
  async function allocationInput(tx: Executor, callId: string, lock: boolean) {
    const offered = await tx.select({ quotaId: callQuotas.quotaId }).from(callQuotas).where(eq(callQuotas.callId, callId)).orderBy(asc(callQuotas.quotaId));
    const lineIds = offered.map((row) => row.quotaId);
    const linesQuery = tx.select().from(quotaLines).where(inArray(quotaLines.id, lineIds.length ? lineIds : [nowhere])).orderBy(asc(quotaLines.id));
    // Locking the lines (in id order, so two confirmations never deadlock) holds off nominations.
    const lines = lock ? await linesQuery.for('update') : await linesQuery;
    const eligibleQuery = tx
      .select({ id: applications.id, studentId: applications.studentId, status: applications.status, score: applications.reviewScore, gpa: applications.gpa, submittedAt: applications.submittedAt, fullName: users.fullName })
      .from(applications)
      .innerJoin(users, eq(users.id, applications.studentId))
      .where(and(eq(applications.callId, callId), inArray(applications.status, [...allocatable]), eq(applications.reviewEligible, true), isNotNull(applications.reviewScore)))
      .orderBy(asc(applications.id));
    const eligible = lock ? await eligibleQuery.for('update', { of: applications }) : await eligibleQuery;
    const eligibleIds = eligible.map((row) => row.id);
    const preferences = eligible.length
      ? await tx.select().from(applicationPreferences).where(inArray(applicationPreferences.applicationId, eligibleIds)).orderBy(asc(applicationPreferences.rank))
      : [];
    const rejections = eligible.length
      ? await tx
          .select({ applicationId: nominations.applicationId, quotaId: nominations.quotaId })
          .from(nominations)
          .where(and(inArray(nominations.applicationId, eligibleIds), eq(nominations.status, 'rejected')))
          .orderBy(asc(nominations.applicationId), asc(nominations.quotaId))
      : [];
    const [{ unreviewed } = { unreviewed: 0 }] = await tx
      .select({ unreviewed: sql<number>`count(*)::int` })
      .from(applications)
      .where(and(eq(applications.callId, callId), eq(applications.status, 'submitted'), sql`${applications.reviewedAt} is null`));
    const offeredLines = new Set(lineIds);
    const preferencesOf = new Map<string, string[]>();
    for (const preference of preferences) {
      if (!offeredLines.has(preference.quotaId)) continue;
      const list = preferencesOf.get(preference.applicationId) ?? [];
      list.push(preference.quotaId);
      preferencesOf.set(preference.applicationId, list);
    }
    const rejectedOn = new Map<string, string[]>();
    for (const rejection of rejections) rejectedOn.set(rejection.applicationId, [...(rejectedOn.get(rejection.applicationId) ?? []), rejection.quotaId]);
    const applicants: AllocationApplicant[] = eligible.map((row) => ({
      id: row.id,
      score: row.score!,
      gpa: row.gpa ?? 0,
      submittedAt: (row.submittedAt ?? new Date(0)).toISOString(),
      preferences: preferencesOf.get(row.id) ?? [],
      ...(rejectedOn.has(row.id) ? { rejectedOn: rejectedOn.get(row.id)! } : {}),
    }));
    const statuses = new Map(eligible.map((row) => [row.id, row.status]));
    const freeSeats = Object.fromEntries(lines.map((line) => [line.id, line.seats - line.used]));
    const fingerprint = createHash('sha256').update(JSON.stringify({ applicants, freeSeats })).digest('hex');
    return { applicants, freeSeats, fingerprint, lines, statuses, names: new Map(eligible.map((row) => [row.id, row.fullName])), unreviewed };
  }

  async function requireClosedOwnCall(tx: Executor, actor: Actor, callId: string) {
    const call = await findCall(tx, callId);
    if (!call || (actor.role !== 'admin' && call.institutionId !== actor.institutionId)) throw notFound('call');
    if (!canManageOutgoing(actor, call.institutionId)) throw forbidden('The allocation is run by the call’s coordinators.');
    if (clock() < call.closesAt) throw conflict('call_not_closed', 'The call is still open: allocate after it closes.');
    return call;
  }

  async function dryRun(tx: Executor, actor: Actor, callId: string, lock: boolean) {
    await requireClosedOwnCall(tx, actor, callId);
    const input = await allocationInput(tx, callId, lock);
    const result = allocate(input);
    const receiving = await tx.select({ id: quotaLines.id, receiving: quotaLines.receivingInstitutionId }).from(quotaLines).where(inArray(quotaLines.id, input.lines.map((line) => line.id).concat(nowhere)));
    const codes = new Map((await tx.select({ id: institutions.id, code: institutions.code }).from(institutions)).map((row) => [row.id, row.code]));
    const lineName = (quotaId: string) => codes.get(receivingOf.get(quotaId) ?? '') ?? quotaId;
    const byId = new Map(input.applicants.map((applicant) => [applicant.id, applicant]));
    const receivingOf = new Map(receiving.map((row) => [row.id, row.receiving]));
    const placedOn = new Map<string, number>();
    for (const outcome of result.outcomes) if (outcome.placed) placedOn.set(outcome.placed.quotaId, (placedOn.get(outcome.placed.quotaId) ?? 0) + 1);
    return {
      input,
      result,
      view: {
        callId,
        fingerprint: input.fingerprint,
        computedAt: clock().toISOString(),
        unreviewed: input.unreviewed,
        lines: input.lines.map((line) => ({
          quotaId: line.id,
          receivingInstitutionId: line.receivingInstitutionId,
          freeSeats: line.seats - line.used,
          placed: placedOn.get(line.id) ?? 0,
        })),
        outcomes: result.outcomes.map((outcome) => ({
          applicationId: outcome.applicantId,
          student: { id: outcome.applicantId, fullName: input.names.get(outcome.applicantId) ?? '' },
          order: outcome.order,
          score: byId.get(outcome.applicantId)!.score,
          gpa: byId.get(outcome.applicantId)!.gpa,
          placed: outcome.placed,
          waitlist: outcome.waitlist,
          reason: Object.fromEntries(locales.map((locale) => [locale, describeOutcome(outcome, locale, lineName)])) as { ru: string; zh: string; en: string },
        })),
      },
    };
  }

  async function decide(who: Who, id: string, proposalId: string, decision: 'approved' | 'rejected', comment: string | null) {
    return inTransaction(db, async (tx) => {
      const loaded = await loadVisible(tx, who.actor, id, { forUpdate: true });
      if (!canDecideNomination(who.actor, loaded.nomination)) throw forbidden('Nominees are decided on by the receiving institution’s coordinators.');
      if (loaded.nomination.proposalId !== proposalId) {
        throw conflict('stale_proposal', 'The nomination has changed since you opened it; look again before deciding.', { proposalId: loaded.nomination.proposalId });
      }
      if (loaded.nomination.status !== 'pending') throw conflict('already_decided', 'This nomination has already been decided on or cancelled.');
      const commentLocale = comment ? await writerLocale(tx, who.actor.id) : null;
      const [after] = await tx
        .update(nominations)
        // The service's clock, not the database's: the undo window is measured against it.
        .set({ status: decision, comment, commentLocale, decidedBy: who.actor.id, decidedAt: clock(), updatedAt: sql`now()` })
        .where(eq(nominations.id, id))
        .returning();
      if (decision === 'rejected') await freeSeat(tx, loaded.nomination.quotaId);
      const application = (await findApplication(tx, loaded.application.id, { forUpdate: true }))!;
      const partner = await institutionName(tx, loaded.nomination.receivingInstitutionId);
      await changeStatus(tx, application, decision === 'approved' ? 'accepted' : 'declined', who.actor.id, { note: comment, noteLocale: commentLocale, params: { partner, reason: comment, reasonLocale: commentLocale } });
      await writeAudit(tx, who, { action: `nomination.${decision === 'approved' ? 'approve' : 'reject'}`, entityType: 'nomination', entityId: id, institutionId: loaded.nomination.receivingInstitutionId, before: loaded.nomination, after });
      return (await toNominations(tx, [{ ...loaded, nomination: after! }], sideOf(who.actor)))[0]!;
    });
  }

  function scopeFilter(actor: Actor, query: Omit<z.output<typeof nominationListQuery>, 'limit' | 'offset'>): NominationFilter {
    const { direction, academicYear, quotaId, status, q } = query;
    const filter: NominationFilter = { academicYear, quotaId, status, q };
    const own = actor.institutionId ?? nowhere;
    if (actor.role === 'admin') return filter;
    if (direction === 'incoming') filter.receivingInstitutionId = own;
    else if (direction === 'outgoing') filter.sendingInstitutionId = own;
    else filter.eitherInstitutionId = own;
    return filter;
  }

  return {
    view: (actor: Actor, id: string) => view(db, actor, id),

    async list(actor: Actor, query: z.output<typeof nominationListQuery>) {
      const { rows, total } = await listNominations(db, scopeFilter(actor, query), query.limit, query.offset);
      return { items: await toNominations(db, rows, sideOf(actor)), total, limit: query.limit, offset: query.offset };
    },

    async exportRows(actor: Actor, query: Omit<z.output<typeof nominationListQuery>, 'limit' | 'offset'>) {
      const { rows } = await listNominations(db, scopeFilter(actor, query), 10_000, 0);
      const [items, parties] = await Promise.all([
        toNominations(db, rows, sideOf(actor)),
        db.select({ id: institutions.id, name: institutions.name, timeZone: institutions.timeZone }).from(institutions),
      ]);
      return { items, institutions: parties };
    },

    create(who: Who, applicationId: string, quotaId: string) {
      return inTransaction(db, async (tx) => {
        const created = await nominate(tx, who, applicationId, quotaId);
        return view(tx, who.actor, created.id);
      });
    },

    approve: (who: Who, id: string, proposalId: string) => decide(who, id, proposalId, 'approved', null),

    /** Takes an approval back within a short window: the nominee is pending again, on the same proposal. */
    undoApproval(who: Who, id: string, proposalId: string) {
      return inTransaction(db, async (tx) => {
        const loaded = await loadVisible(tx, who.actor, id, { forUpdate: true });
        if (!canDecideNomination(who.actor, loaded.nomination)) throw forbidden('Only the receiving institution’s coordinators take back their approval.');
        if (loaded.nomination.proposalId !== proposalId) {
          throw conflict('stale_proposal', 'The nomination has changed since you opened it; look again.', { proposalId: loaded.nomination.proposalId });
        }
        if (loaded.nomination.status !== 'approved') throw conflict('not_approved', 'Only an approved nomination can have its approval undone.');
        const decidedAt = loaded.nomination.decidedAt;
        if (!decidedAt || clock().getTime() - decidedAt.getTime() > approvalUndoMinutes * 60_000) {
          throw conflict('undo_window_passed', `An approval can be undone only within ${approvalUndoMinutes} minutes; now ask the sending office to cancel the nomination.`);
        }
        const [after] = await tx
          .update(nominations)
          .set({ status: 'pending', decidedBy: null, decidedAt: null, updatedAt: sql`now()` })
          .where(eq(nominations.id, id))
          .returning();
        const application = (await findApplication(tx, loaded.application.id, { forUpdate: true }))!;
        const partner = await institutionName(tx, loaded.nomination.receivingInstitutionId);
        // Back to the partner's decision; the student is told, as on nomination.
        await changeStatus(tx, application, 'nominated', who.actor.id, { note: 'The partner took back its approval to look again.', params: { partner } });
        await writeAudit(tx, who, { action: 'nomination.undo_approve', entityType: 'nomination', entityId: id, institutionId: loaded.nomination.receivingInstitutionId, before: loaded.nomination, after });
        return (await toNominations(tx, [{ ...loaded, nomination: after! }], sideOf(who.actor)))[0]!;
      });
    },
    reject: (who: Who, id: string, proposalId: string, comment: string) => decide(who, id, proposalId, 'rejected', comment),

    /** Decides several nominees at once; each succeeds or fails on its own. */
    async bulkApprove(who: Who, items: { id: string; proposalId: string }[]) {
      const results = [];
      for (const item of items) {
        try {
          const decided = await decide(who, item.id, item.proposalId, 'approved', null);
          results.push({ id: item.id, status: 200, nomination: decided });
        } catch (error) {
          const problem = error as { status?: number; code?: string };
          if (!problem.status) throw error;
          results.push({ id: item.id, status: problem.status, code: problem.code ?? 'error' });
        }
      }
      return { results };
    },

    cancel(who: Who, id: string) {
      return inTransaction(db, async (tx) => {
        const loaded = await loadVisible(tx, who.actor, id, { forUpdate: true });
        if (!canManageOutgoing(who.actor, loaded.nomination.sendingInstitutionId)) throw forbidden('Nominations are cancelled by the sending institution’s coordinators.');
        if (!['pending', 'approved'].includes(loaded.nomination.status)) throw conflict('not_cancellable', 'This nomination no longer holds a seat.');
        const [after] = await tx.update(nominations).set({ status: 'cancelled', updatedAt: sql`now()` }).where(eq(nominations.id, id)).returning();
        await freeSeat(tx, loaded.nomination.quotaId);
        const application = (await findApplication(tx, loaded.application.id, { forUpdate: true }))!;
        await changeStatus(tx, application, 'cancelled', who.actor.id);
        await writeAudit(tx, who, { action: 'nomination.cancel', entityType: 'nomination', entityId: id, institutionId: loaded.nomination.sendingInstitutionId, before: loaded.nomination, after });
        return (await toNominations(tx, [{ ...loaded, nomination: after! }], sideOf(who.actor)))[0]!;
      });
    },

    /** A new note to the partner is a new proposal: decisions on the old one are refused. */
    updateNote(who: Who, id: string, note: string | null) {
      return inTransaction(db, async (tx) => {
        const loaded = await loadVisible(tx, who.actor, id, { forUpdate: true });
        if (!canManageOutgoing(who.actor, loaded.nomination.sendingInstitutionId)) throw forbidden('The sending institution writes the note.');
        if (loaded.nomination.status !== 'pending') throw conflict('already_decided', 'This nomination has already been decided on or cancelled.');
        const [after] = await tx.update(nominations).set({ note, proposalId: sql`gen_random_uuid()`, updatedAt: sql`now()` }).where(eq(nominations.id, id)).returning();
        await writeAudit(tx, who, { action: 'nomination.update', entityType: 'nomination', entityId: id, institutionId: loaded.nomination.sendingInstitutionId, before: loaded.nomination, after });
        return (await toNominations(tx, [{ ...loaded, nomination: after! }], sideOf(who.actor)))[0]!;
      });
    },

    async document(actor: Actor, id: string, documentId: string) {
      const loaded = await loadVisible(db, actor, id);
      const [document] = await db
        .select()
        .from(applicationDocuments)
        .where(and(eq(applicationDocuments.id, documentId), eq(applicationDocuments.applicationId, loaded.application.id)));
      const partner = nominationSide(actor, loaded.nomination) === 'receiving';
      // A cancelled nomination no longer gives the partner the application's documents.
      const withheld = partner && (loaded.nomination.status === 'cancelled' || !(partnerDocumentTypes as readonly string[]).includes(document?.type ?? ''));
      if (!document || withheld) throw notFound('document');
      return document;
    },

    async allocationDryRun(actor: Actor, callId: string) {
      return (await dryRun(db, actor, callId, false)).view;
    },

    /** Turns the proposal into nominations and waitlists the rest, atomically, or refuses if anything changed. */
    allocationConfirm(who: Who, callId: string, fingerprint: string) {
      return inTransaction(db, async (tx) => {
        const { input, result, view: proposal } = await dryRun(tx, who.actor, callId, true);
        if (input.fingerprint !== fingerprint) {
          throw conflict('allocation_stale', 'Applications or seats changed since the dry run; run it again and check the new proposal.');
        }
        const created: string[] = [];
        const reasons = new Map(proposal.outcomes.map((outcome) => [outcome.applicationId, outcome.reason.en]));
        for (const outcome of result.outcomes) {
          const status = input.statuses.get(outcome.applicantId);
          const reason = reasons.get(outcome.applicantId) ?? null;
          if (outcome.placed) {
            // A student offered a seat in a later round (waiting, or rejected by a partner) learns why this one.
            const nomination = await nominate(tx, who, outcome.applicantId, outcome.placed.quotaId, status === 'submitted' ? null : reason);
            created.push(nomination.id);
            continue;
          }
          // Someone every remaining choice of whom has rejected them has no line left to wait for.
          const target = outcome.waitlist.length > 0 ? 'waitlisted' : 'not_placed';
          if (status !== target) {
            const application = (await findApplication(tx, outcome.applicantId, { forUpdate: true }))!;
            await changeStatus(tx, application, target, who.actor.id, { note: reason, noteLocale: 'en' });
          }
        }
        const call = (await findCall(tx, callId))!;
        await writeAudit(tx, who, {
          action: 'allocation.confirm',
          entityType: 'call',
          entityId: callId,
          institutionId: call.institutionId,
          after: { fingerprint, nominations: created, waitlisted: result.outcomes.filter((o) => !o.placed).map((o) => o.applicantId) },
        });
        return { ...proposal, nominationIds: created };
      });
    },

    /** Waitlisted students of a call who wanted a line, best ranked first: who gets a freed seat. */
    async waitlist(actor: Actor, callId: string, quotaId: string | undefined) {
      const call = await findCall(db, callId);
      if (!call || !canManageOutgoing(actor, call.institutionId)) throw notFound('call');
      const rows = await db
        .select({ id: applications.id, studentId: applications.studentId, fullName: users.fullName, score: applications.reviewScore, gpa: applications.gpa, submittedAt: applications.submittedAt, quotaId: applicationPreferences.quotaId, rank: applicationPreferences.rank })
        .from(applications)
        .innerJoin(users, eq(users.id, applications.studentId))
        .innerJoin(applicationPreferences, eq(applicationPreferences.applicationId, applications.id))
        .where(
          and(
            eq(applications.callId, callId),
            eq(applications.status, 'waitlisted'),
            quotaId ? eq(applicationPreferences.quotaId, quotaId) : undefined,
            // A partner that rejected the student is not offered them again.
            notExists(
              db
                .select({ id: nominations.id })
                .from(nominations)
                .where(and(eq(nominations.applicationId, applications.id), eq(nominations.quotaId, applicationPreferences.quotaId), eq(nominations.status, 'rejected'))),
            ),
          ),
        );
      const entries = rows
        .map((row) => ({ row, key: { id: row.id, score: row.score ?? 0, gpa: row.gpa ?? 0, submittedAt: (row.submittedAt ?? new Date(0)).toISOString(), preferences: [] } }))
        .sort((a, b) => compareApplicants(a.key, b.key) || a.row.rank - b.row.rank);
      const seen = new Set<string>();
      const items = entries
        .filter(({ row }) => (seen.has(row.id) ? false : (seen.add(row.id), true)))
        .map(({ row }) => ({ applicationId: row.id, student: { id: row.studentId, fullName: row.fullName }, score: row.score, gpa: row.gpa, rank: row.rank }));
      return { items };
    },

    async flows(academicYear: string) {
      const [seats, counts] = await Promise.all([
        db
          .select({ sending: quotaLines.sendingInstitutionId, receiving: quotaLines.receivingInstitutionId, seats: sql<number>`sum(${quotaLines.seats})::int` })
          .from(quotaLines)
          .where(eq(quotaLines.academicYear, academicYear))
          .groupBy(quotaLines.sendingInstitutionId, quotaLines.receivingInstitutionId),
        // A line's direction never changes and is its nominations' direction: grouping by the
        // line reads the nominations through (quota_id, status) alone, not the whole table.
        db
          .select({
            sending: quotaLines.sendingInstitutionId,
            receiving: quotaLines.receivingInstitutionId,
            nominated: sql<number>`count(*) filter (where ${nominations.status} in ('pending', 'approved'))::int`,
            approved: sql<number>`count(*) filter (where ${nominations.status} = 'approved')::int`,
          })
          .from(quotaLines)
          .innerJoin(nominations, eq(nominations.quotaId, quotaLines.id))
          .where(eq(quotaLines.academicYear, academicYear))
          .groupBy(quotaLines.sendingInstitutionId, quotaLines.receivingInstitutionId),
      ]);
      const parties = (await db.select({ id: institutions.id }).from(institutions).orderBy(asc(institutions.code))).map((row) => row.id);
      const directions = parties.flatMap((sending) =>
        parties
          .filter((receiving) => receiving !== sending)
          .map((receiving) => {
            const line = seats.find((row) => row.sending === sending && row.receiving === receiving);
            const count = counts.find((row) => row.sending === sending && row.receiving === receiving);
            return { sendingInstitutionId: sending, receivingInstitutionId: receiving, seats: line?.seats ?? 0, nominated: count?.nominated ?? 0, approved: count?.approved ?? 0 };
          }),
      );
      const approvedOf = (from: string, to: string) => directions.find((d) => d.sendingInstitutionId === from && d.receivingInstitutionId === to)?.approved ?? 0;
      const balances = parties.flatMap((a, index) =>
        parties.slice(index + 1).map((b) => ({ institutionAId: a, institutionBId: b, aToB: approvedOf(a, b), bToA: approvedOf(b, a), balance: approvedOf(a, b) - approvedOf(b, a) })),
      );
      return { academicYear, directions, balances };
    },
  };
}
export type NominationsService = ReturnType<typeof createNominationsService>;
