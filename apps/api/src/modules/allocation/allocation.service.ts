import { createHash } from 'node:crypto';
import type { calls as callsTable, Database, Executor } from '@exchange/db';
import {
  allocate,
  canManageOutgoing,
  compareApplicants,
  describeOutcome,
  locales,
  type Actor,
  type AllocationApplicant,
  type ApplicationStatus,
  type Locale,
} from '@exchange/shared';
import { conflict, forbidden, notFound } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import { inTransaction } from '../../lib/transaction.js';
import type { Clock } from '../../lib/clock.js';
import { allocationRepository } from './allocation.repository.js';

type Dependencies = {
  db: Database;
  clock: Clock;
  calls: { find(tx: Executor, id: string): Promise<typeof callsTable.$inferSelect | undefined> };
  /** Moves an application the allocation leaves unplaced (the applications service). */
  applications: {
    moveStatus(
      tx: Executor,
      id: string,
      to: ApplicationStatus,
      actorId: string | null,
      options?: { note?: string | null; noteLocale?: Locale | null },
    ): Promise<unknown>;
  };
  /** Nominates an applicant the allocation places (the nominations service). */
  nominations: { nominate(tx: Executor, who: Who, applicationId: string, quotaId: string, note?: string | null): Promise<{ id: string }> };
};

export function createAllocationService({ db, clock, calls, applications, nominations }: Dependencies) {
  /** Eligible applications of a closed call and the free seats of its lines: the allocation's input. */
  async function allocationInput(tx: Executor, callId: string, lock: boolean) {
    const repository = allocationRepository(tx);
    const { lineIds, lines } = await repository.offeredLines(callId, lock);
    const eligible = await repository.eligible(callId, lock);
    const eligibleIds = eligible.map((row) => row.id);
    const preferences = await repository.preferences(eligibleIds);
    const rejections = await repository.rejections(eligibleIds);
    const unreviewed = await repository.unreviewed(callId);
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
    return {
      applicants,
      freeSeats,
      fingerprint,
      lines,
      statuses,
      names: new Map(eligible.map((row) => [row.id, row.fullName])),
      unreviewed,
    };
  }

  async function requireClosedOwnCall(tx: Executor, actor: Actor, callId: string) {
    const call = await calls.find(tx, callId);
    if (!call || (actor.role !== 'admin' && call.institutionId !== actor.institutionId)) throw notFound('call');
    if (!canManageOutgoing(actor, call.institutionId)) throw forbidden('The allocation is run by the call’s coordinators.');
    if (clock() < call.closesAt) throw conflict('call_not_closed', 'The call is still open: allocate after it closes.');
    return call;
  }

  async function dryRun(tx: Executor, actor: Actor, callId: string, lock: boolean) {
    const call = await requireClosedOwnCall(tx, actor, callId);
    const input = await allocationInput(tx, callId, lock);
    const result = allocate(input);
    const repository = allocationRepository(tx);
    const receivingOf = await repository.receivingOf(input.lines.map((line) => line.id));
    const codes = await repository.institutionCodes();
    const lineName = (quotaId: string) => codes.get(receivingOf.get(quotaId) ?? '') ?? quotaId;
    const byId = new Map(input.applicants.map((applicant) => [applicant.id, applicant]));
    const placedOn = new Map<string, number>();
    for (const outcome of result.outcomes) if (outcome.placed) placedOn.set(outcome.placed.quotaId, (placedOn.get(outcome.placed.quotaId) ?? 0) + 1);
    return {
      call,
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
          reason: Object.fromEntries(locales.map((locale) => [locale, describeOutcome(outcome, locale, lineName)])) as {
            ru: string;
            zh: string;
            en: string;
          },
        })),
      },
    };
  }

  return {
    async dryRun(actor: Actor, callId: string) {
      return (await dryRun(db, actor, callId, false)).view;
    },

    /** Turns the proposal into nominations and waitlists the rest, atomically, or refuses if anything changed. */
    confirm(who: Who, callId: string, fingerprint: string) {
      return inTransaction(db, async (tx) => {
        const { call, input, result, view: proposal } = await dryRun(tx, who.actor, callId, true);
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
            const nomination = await nominations.nominate(tx, who, outcome.applicantId, outcome.placed.quotaId, status === 'submitted' ? null : reason);
            created.push(nomination.id);
            continue;
          }
          // Someone every remaining choice of whom has rejected them has no line left to wait for.
          const target = outcome.waitlist.length > 0 ? 'waitlisted' : 'not_placed';
          if (status !== target) await applications.moveStatus(tx, outcome.applicantId, target, who.actor.id, { note: reason, noteLocale: 'en' });
        }
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
      const call = await calls.find(db, callId);
      if (!call || !canManageOutgoing(actor, call.institutionId)) throw notFound('call');
      const rows = await allocationRepository(db).waitlisted(callId, quotaId);
      const entries = rows
        .map((row) => ({
          row,
          key: {
            id: row.id,
            score: row.score ?? 0,
            gpa: row.gpa ?? 0,
            submittedAt: (row.submittedAt ?? new Date(0)).toISOString(),
            preferences: [],
          },
        }))
        .sort((a, b) => compareApplicants(a.key, b.key) || a.row.rank - b.row.rank);
      const seen = new Set<string>();
      const items = entries
        .filter(({ row }) => (seen.has(row.id) ? false : (seen.add(row.id), true)))
        .map(({ row }) => ({
          applicationId: row.id,
          student: { id: row.studentId, fullName: row.fullName },
          score: row.score,
          gpa: row.gpa,
          rank: row.rank,
        }));
      return { items };
    },
  };
}
export type AllocationService = ReturnType<typeof createAllocationService>;
