import { z } from 'zod';
import { sqlState, type Database, type Executor } from '@exchange/db';
import {
  approvalUndoMinutes,
  canDecideNomination,
  canManageOutgoing,
  nominationSide,
  partnerDocumentTypes,
  type Actor,
  nominationListQuery,
} from '@exchange/shared';
import { conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import { notify } from '../../lib/notify.js';
import { activeCoordinatorIds, institutionName } from '../../lib/parties.js';
import { writerLocale } from '../../lib/writer-locale.js';
import { inTransaction } from '../../lib/transaction.js';
import type { Clock } from '../../lib/clock.js';
import { findNomination, rejectedBy, toNominations } from './nominations.repository.js';
import { scopeFilter } from './nominations-scope.js';
import { readNomineePage, readNomineePageJson, toNomineePage } from './nominee-page.repository.js';
import { freeSeat, takeSeat } from './seats.repository.js';
import { findApplicationDocument, findOfferedLine, findStudentName, listInstitutionsWithZones } from './nomination-lookups.repository.js';
import type { Applications } from './applications-port.js';
import type { Mobilities } from './mobilities-port.js';
import { insertNomination, markCancelled, recordDecision, reopenDecision, replaceNote } from './nomination-writes.repository.js';

type Loaded = NonNullable<Awaited<ReturnType<typeof findNomination>>>;

/** Statuses from which an eligible application may be nominated by hand. */
const nominable = ['submitted', 'waitlisted', 'not_placed', 'declined', 'cancelled'];

/** Whose side a list is read from: an administrator's (null) sees the home side. */
const viewerOf = (actor: Actor) => (actor.role === 'admin' ? null : (actor.institutionId ?? ''));

type Dependencies = { db: Database; clock: Clock; applications: Applications; mobilities: Mobilities };

export function createNominationsService({ db, clock, applications, mobilities }: Dependencies) {
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

  /**
   * The one path that nominates: takes the seat atomically, records the nomination, moves the
   * application along, and tells the student and the partner. Used by manual nomination and
   * by the allocation alike.
   */
  async function nominate(tx: Executor, who: Who, applicationId: string, quotaId: string, note: string | null = null) {
    const loaded = await applications.find(tx, applicationId, { forUpdate: true });
    if (!loaded || !canManageOutgoing(who.actor, loaded.call.institutionId)) throw notFound('application');
    if (!nominable.includes(loaded.application.status) || loaded.application.reviewEligible !== true) {
      throw conflict('not_nominable', 'Only reviewed, eligible applications that hold no seat can be nominated.');
    }
    const { offered, line } = await findOfferedLine(tx, loaded.call.id, quotaId);
    if (!offered || !line) {
      throw unprocessable('line_not_offered', 'The call does not offer this quota line.', {
        errors: [{ path: 'body.quotaId', code: 'not_offered', message: 'Not offered by the call' }],
      });
    }
    // As in the allocation: a partner that rejected the student for this call is not asked again.
    if (await rejectedBy(tx, applicationId, line.receivingInstitutionId)) {
      throw conflict('rejected_by_partner', 'This partner has already rejected this student for this call; nominate them to another partner.');
    }
    if (!(await takeSeat(tx, quotaId))) throw conflict('quota_full', 'No seat is free on this quota line.');
    let created;
    try {
      created = await insertNomination(tx, {
        applicationId,
        quotaId,
        sendingInstitutionId: line.sendingInstitutionId,
        receivingInstitutionId: line.receivingInstitutionId,
        createdBy: who.actor.id,
      });
    } catch (error) {
      if (sqlState(error) === '23505') throw conflict('already_nominated', 'This application already holds a seat.');
      throw error;
    }
    const partner = await institutionName(tx, line.receivingInstitutionId);
    // The only notes here are the allocation's reasons, which are written in English.
    await applications.changeStatus(tx, loaded, 'nominated', who.actor.id, { note, noteLocale: 'en', params: { partner } });
    const student = await findStudentName(tx, loaded.application.studentId);
    const home = await institutionName(tx, line.sendingInstitutionId);
    for (const coordinatorId of await activeCoordinatorIds(tx, [line.receivingInstitutionId])) {
      // Across the border: the Latin spelling too (rendered "Иванов Иван (Ivanov Ivan)").
      await notify(tx, coordinatorId, 'nomination.received', {
        partner: home,
        student: student!.fullName,
        studentLatin: loaded.application.fullNameLatin,
        nominationId: created.id,
      });
    }
    await writeAudit(tx, who, {
      action: 'nomination.create',
      entityType: 'nomination',
      entityId: created.id,
      institutionId: line.sendingInstitutionId,
      after: created,
    });
    return created;
  }

  async function decide(who: Who, id: string, proposalId: string, decision: 'approved' | 'rejected', comment: string | null) {
    return inTransaction(db, async (tx) => {
      const loaded = await loadVisible(tx, who.actor, id, { forUpdate: true });
      if (!canDecideNomination(who.actor, loaded.nomination)) throw forbidden('Nominees are decided on by the receiving institution’s coordinators.');
      if (loaded.nomination.proposalId !== proposalId) {
        throw conflict('stale_proposal', 'The nomination has changed since you opened it; look again before deciding.', {
          proposalId: loaded.nomination.proposalId,
        });
      }
      if (loaded.nomination.status !== 'pending') throw conflict('already_decided', 'This nomination has already been decided on or cancelled.');
      const commentLocale = comment ? await writerLocale(tx, who.actor.id) : null;
      // The service's clock, not the database's: the undo window is measured against it.
      const after = await recordDecision(tx, id, { status: decision, comment, commentLocale, decidedBy: who.actor.id, decidedAt: clock() });
      if (decision === 'rejected') await freeSeat(tx, loaded.nomination.quotaId);
      // The partner's yes opens the mobility in the same transaction: one exists exactly when the approval does.
      if (decision === 'approved') await mobilities.open(tx, who, after, loaded.quota, loaded.application.studentId);
      const partner = await institutionName(tx, loaded.nomination.receivingInstitutionId);
      await applications.moveStatus(tx, loaded.application.id, decision === 'approved' ? 'accepted' : 'declined', who.actor.id, {
        note: comment,
        noteLocale: commentLocale,
        params: { partner, reason: comment, reasonLocale: commentLocale },
      });
      await writeAudit(tx, who, {
        action: `nomination.${decision === 'approved' ? 'approve' : 'reject'}`,
        entityType: 'nomination',
        entityId: id,
        institutionId: loaded.nomination.receivingInstitutionId,
        before: loaded.nomination,
        after,
      });
      return (await toNominations(tx, [{ ...loaded, nomination: after }], sideOf(who.actor)))[0]!;
    });
  }

  /** Cancels in the caller's transaction (a cancelled mobility cancels its nomination this way): the seat is freed. */
  async function cancelInside(tx: Executor, who: Who, id: string, reason: string | null) {
    const loaded = await loadVisible(tx, who.actor, id, { forUpdate: true });
    if (!canManageOutgoing(who.actor, loaded.nomination.sendingInstitutionId))
      throw forbidden('Nominations are cancelled by the sending institution’s coordinators.');
    if (!['pending', 'approved'].includes(loaded.nomination.status)) throw conflict('not_cancellable', 'This nomination no longer holds a seat.');
    if (loaded.nomination.status === 'approved') await mobilities.close(tx, who, id, reason);
    const after = await markCancelled(tx, id);
    await freeSeat(tx, loaded.nomination.quotaId);
    await applications.moveStatus(
      tx,
      loaded.application.id,
      'cancelled',
      who.actor.id,
      reason ? { note: reason, noteLocale: await writerLocale(tx, who.actor.id) } : {},
    );
    await writeAudit(tx, who, {
      action: 'nomination.cancel',
      entityType: 'nomination',
      entityId: id,
      institutionId: loaded.nomination.sendingInstitutionId,
      before: loaded.nomination,
      after,
    });
  }

  return {
    /** Nominates inside the caller's transaction: the allocation's way in. */
    nominate,

    view: (actor: Actor, id: string) => view(db, actor, id),

    /** A page of the list as its JSON text (PostgreSQL writes it as the response describes it). */
    list(actor: Actor, query: z.output<typeof nominationListQuery>) {
      return readNomineePageJson(db, scopeFilter(actor, query), viewerOf(actor), query.limit, query.offset);
    },

    async exportRows(actor: Actor, query: Omit<z.output<typeof nominationListQuery>, 'limit' | 'offset'>) {
      const [{ rows }, parties] = await Promise.all([readNomineePage(db, scopeFilter(actor, query), 10_000, 0), listInstitutionsWithZones(db)]);
      return { items: toNomineePage(rows, viewerOf(actor)), institutions: parties };
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
          throw conflict('stale_proposal', 'The nomination has changed since you opened it; look again.', {
            proposalId: loaded.nomination.proposalId,
          });
        }
        if (loaded.nomination.status !== 'approved') throw conflict('not_approved', 'Only an approved nomination can have its approval undone.');
        const decidedAt = loaded.nomination.decidedAt;
        if (!decidedAt || clock().getTime() - decidedAt.getTime() > approvalUndoMinutes * 60_000) {
          throw conflict(
            'undo_window_passed',
            `An approval can be undone only within ${approvalUndoMinutes} minutes; now ask the sending office to cancel the nomination.`,
          );
        }
        await mobilities.discard(tx, id);
        const after = await reopenDecision(tx, id);
        const partner = await institutionName(tx, loaded.nomination.receivingInstitutionId);
        // Back to the partner's decision; the student is told, as on nomination.
        await applications.moveStatus(tx, loaded.application.id, 'nominated', who.actor.id, {
          note: 'The partner took back its approval to look again.',
          params: { partner },
        });
        await writeAudit(tx, who, {
          action: 'nomination.undo_approve',
          entityType: 'nomination',
          entityId: id,
          institutionId: loaded.nomination.receivingInstitutionId,
          before: loaded.nomination,
          after,
        });
        return (await toNominations(tx, [{ ...loaded, nomination: after }], sideOf(who.actor)))[0]!;
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
        await cancelInside(tx, who, id, null);
        const loaded = await loadVisible(tx, who.actor, id);
        return (await toNominations(tx, [loaded], sideOf(who.actor)))[0]!;
      });
    },

    cancelInside,

    /** A new note to the partner is a new proposal: decisions on the old one are refused. */
    updateNote(who: Who, id: string, note: string | null) {
      return inTransaction(db, async (tx) => {
        const loaded = await loadVisible(tx, who.actor, id, { forUpdate: true });
        if (!canManageOutgoing(who.actor, loaded.nomination.sendingInstitutionId)) throw forbidden('The sending institution writes the note.');
        if (loaded.nomination.status !== 'pending') throw conflict('already_decided', 'This nomination has already been decided on or cancelled.');
        const after = await replaceNote(tx, id, note);
        await writeAudit(tx, who, {
          action: 'nomination.update',
          entityType: 'nomination',
          entityId: id,
          institutionId: loaded.nomination.sendingInstitutionId,
          before: loaded.nomination,
          after,
        });
        return (await toNominations(tx, [{ ...loaded, nomination: after }], sideOf(who.actor)))[0]!;
      });
    },

    async document(actor: Actor, id: string, documentId: string) {
      const loaded = await loadVisible(db, actor, id);
      const document = await findApplicationDocument(db, loaded.application.id, documentId);
      const partner = nominationSide(actor, loaded.nomination) === 'receiving';
      // A cancelled nomination no longer gives the partner the application's documents.
      const withheld = partner && (loaded.nomination.status === 'cancelled' || !(partnerDocumentTypes as readonly string[]).includes(document?.type ?? ''));
      if (!document || withheld) throw notFound('document');
      return document;
    },
  };
}
export type NominationsService = ReturnType<typeof createNominationsService>;
