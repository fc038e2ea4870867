/**
 * Cultural centres and their events: opening centres, creating, changing, publishing and
 * cancelling events, and the lists. Registrations, check-in and calendars are modules of their
 * own that reach events through `visibleEvent` and `managedEvent` below.
 *
 * Changes that touch registrations take the event's row lock (`SELECT … FOR UPDATE`) first, so
 * they happen one after another with registering and cancelling.
 */
import { z } from 'zod';
import type { Database, Executor, Transaction } from '@exchange/db';
import {
  canCreateCentres,
  canManageCentreEvents,
  type Actor,
  type centreCreate,
  type eventCreate,
  type eventListQuery,
  type eventUpdate,
} from '@exchange/shared';
import { conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import { notify } from '../../lib/notify.js';
import { inTransaction } from '../../lib/transaction.js';
import { createEventsRepository, toCentre, toEvent, type EventRow, type EventsRepository } from './events.repository.js';

/** Attempts of a transaction that PostgreSQL aborts under contention for the event's lock. */
const attempts = 5;

/**
 * The waiting list, which registrations own and a change of an event moves (more seats, a new
 * time, a cancellation); `app.ts` passes the registrations module's.
 */
export type WaitingList = {
  countWaiting(executor: Executor, eventId: string): Promise<number>;
  /** The people registered (confirmed or waiting), to be told of a change. */
  registeredUsers(executor: Executor, eventId: string): Promise<{ userId: string }[]>;
  /** Confirms people from the head of the list while seats are free, under the event's lock. */
  fillSeats(tx: Transaction, who: Who | null, event: EventRow, institutionId: string): Promise<EventRow>;
};

type Deps = { db: Database; waitingList: WaitingList; clock?: () => Date; repository?: EventsRepository };

export function createEventsService({ db, waitingList, clock = () => new Date(), repository = createEventsRepository(db) }: Deps) {
  const repo = repository;

  /** An event the actor may see: drafts only to those who run its centre; any other is 404. */
  async function visibleEvent(executor: Executor, actor: Actor | null, id: string, options: { lock?: boolean } = {}) {
    const found = await repo.findEvent(executor, id, options);
    if (!found) throw notFound('event');
    if (found.event.status === 'draft' && !canManageCentreEvents(actor, found.institutionId)) throw notFound('event');
    return found;
  }

  /** An event the actor runs; any other answers 404 exactly like a missing one. */
  async function managedEvent(executor: Executor, actor: Actor, id: string, options: { lock?: boolean } = {}) {
    const found = await repo.findEvent(executor, id, options);
    if (!found || !canManageCentreEvents(actor, found.institutionId)) throw notFound('event');
    return found;
  }

  async function presentEvent(executor: Executor, row: EventRow, institutionId: string) {
    return toEvent(row, institutionId, await waitingList.countWaiting(executor, row.id));
  }

  function checkTimes(merged: { startsAt: Date; endsAt: Date; registrationOpensAt: Date | null; registrationClosesAt: Date | null }) {
    if (merged.startsAt >= merged.endsAt) {
      throw unprocessable('validation_failed', 'The event must end after it starts.', {
        errors: [{ path: 'body.endsAt', code: 'before_start', message: 'The event must end after it starts' }],
      });
    }
    if (merged.registrationOpensAt && merged.registrationClosesAt && merged.registrationOpensAt >= merged.registrationClosesAt) {
      throw unprocessable('validation_failed', 'Registration must open before it closes.', {
        errors: [{ path: 'body.registrationClosesAt', code: 'before_open', message: 'Registration must open before it closes' }],
      });
    }
  }

  async function checkAudience(executor: Executor, ids: string[]) {
    if (ids.length === 0) return;
    if ((await repo.countInstitutions(executor, ids)) !== new Set(ids).size) {
      throw unprocessable('validation_failed', 'An institution of the audience does not exist.', {
        errors: [{ path: 'body.audience', code: 'not_found', message: 'No such institution' }],
      });
    }
  }

  const date = (value: string | null | undefined) => (value ? new Date(value) : null);

  return {
    visibleEvent,
    managedEvent,
    /** The event as the contract shows it, given its waiting count. */
    toEvent,

    // ——— centres ———

    async listCentres() {
      const rows = await repo.listCentres(db);
      return { items: rows.map(toCentre), total: rows.length, limit: rows.length, offset: 0 };
    },

    async getCentre(id: string) {
      const row = await repo.findCentre(db, id);
      if (!row) throw notFound('centre');
      return toCentre(row);
    },

    /** A centre the actor runs; any other answers 404 exactly like a missing one. */
    async managedCentre(actor: Actor, id: string) {
      const row = await repo.findCentre(db, id);
      if (!row || !canManageCentreEvents(actor, row.institutionId)) throw notFound('centre');
      return toCentre(row);
    },

    createCentre(who: Who, input: z.output<typeof centreCreate>) {
      if (!canCreateCentres(who.actor)) throw forbidden();
      return db.transaction(async (tx) => {
        if (!(await repo.institutionExists(tx, input.institutionId))) {
          throw unprocessable('validation_failed', 'No such institution.', {
            errors: [{ path: 'body.institutionId', code: 'not_found', message: 'No such institution' }],
          });
        }
        const created = await repo.insertCentre(tx, input);
        await writeAudit(tx, who, {
          action: 'centre.create',
          entityType: 'centre',
          entityId: created.id,
          institutionId: input.institutionId,
          after: toCentre(created),
        });
        return toCentre(created);
      });
    },

    // ——— events ———

    list(actor: Actor | null, query: z.output<typeof eventListQuery>) {
      const { limit, offset, from, to, ...rest } = query;
      // Without a range the list shows what is still to come.
      const fromDate = from ? new Date(from) : to ? undefined : clock();
      return repo.listEvents(db, actor, { ...rest, from: fromDate, to: to ? new Date(to) : undefined }, limit, offset);
    },

    async get(actor: Actor | null, id: string) {
      const found = await visibleEvent(db, actor, id);
      return presentEvent(db, found.event, found.institutionId);
    },

    create(who: Who, input: z.output<typeof eventCreate>) {
      return db.transaction(async (tx) => {
        const centre = await repo.centreWithZone(tx, input.centreId);
        if (!centre || !canManageCentreEvents(who.actor, centre.institutionId)) {
          throw unprocessable('centre_not_found', 'No such centre among the ones you run.', {
            errors: [{ path: 'body.centreId', code: 'not_found', message: 'No such centre among the ones you run' }],
          });
        }
        await checkAudience(tx, input.audience.institutionIds);
        const created = await repo.insertEvent(tx, {
          centreId: centre.id,
          title: input.title,
          description: input.description,
          startsAt: new Date(input.startsAt),
          endsAt: new Date(input.endsAt),
          timeZone: input.timeZone ?? centre.timeZone,
          venue: input.venue || null,
          onlineUrl: input.onlineUrl || null,
          capacity: input.capacity,
          waitlistEnabled: input.waitlistEnabled,
          registrationOpensAt: date(input.registrationOpensAt),
          registrationClosesAt: date(input.registrationClosesAt),
          audienceInstitutionIds: [...new Set(input.audience.institutionIds)],
          status: 'draft',
        });
        const event = toEvent(created, centre.institutionId, 0);
        await writeAudit(tx, who, {
          action: 'event.create',
          entityType: 'event',
          entityId: event.id,
          institutionId: centre.institutionId,
          after: event,
        });
        return event;
      });
    },

    update(who: Who, id: string, input: z.output<typeof eventUpdate>) {
      return inTransaction(
        db,
        async (tx) => {
          const { event: before, institutionId } = await managedEvent(tx, who.actor, id, { lock: true });
          if (before.status === 'cancelled') throw conflict('event_cancelled', 'The event is cancelled; it can no longer be changed.');
          const merged = {
            startsAt: input.startsAt ? new Date(input.startsAt) : before.startsAt,
            endsAt: input.endsAt ? new Date(input.endsAt) : before.endsAt,
            registrationOpensAt: input.registrationOpensAt !== undefined ? date(input.registrationOpensAt) : before.registrationOpensAt,
            registrationClosesAt: input.registrationClosesAt !== undefined ? date(input.registrationClosesAt) : before.registrationClosesAt,
          };
          checkTimes(merged);
          const venue = input.venue !== undefined ? input.venue || null : before.venue;
          const onlineUrl = input.onlineUrl !== undefined ? input.onlineUrl || null : before.onlineUrl;
          if (!venue && !onlineUrl) {
            throw unprocessable('validation_failed', 'Give a venue or an online link.', {
              errors: [{ path: 'body.venue', code: 'required', message: 'Give a venue or an online link' }],
            });
          }
          if (input.capacity !== undefined && input.capacity < before.confirmedCount) {
            throw conflict('capacity_below_confirmed', `${before.confirmedCount} people are already confirmed; capacity cannot go below that.`, {
              confirmed: before.confirmedCount,
              errors: [{ path: 'body.capacity', code: 'below_confirmed', message: `At least ${before.confirmedCount}` }],
            });
          }
          if (input.audience) await checkAudience(tx, input.audience.institutionIds);
          const updated = await repo.updateEvent(tx, id, {
            ...(input.title && { title: input.title }),
            ...(input.description && { description: input.description }),
            ...merged,
            ...(input.timeZone && { timeZone: input.timeZone }),
            venue,
            onlineUrl,
            ...(input.capacity !== undefined && { capacity: input.capacity }),
            ...(input.waitlistEnabled !== undefined && { waitlistEnabled: input.waitlistEnabled }),
            ...(input.audience && { audienceInstitutionIds: [...new Set(input.audience.institutionIds)] }),
          });
          // A raised capacity confirms people from the waiting list at once.
          const after = await waitingList.fillSeats(tx, who, updated, institutionId);
          // People who registered hear of a new time or place.
          const moved =
            before.startsAt.getTime() !== after.startsAt.getTime() ||
            before.endsAt.getTime() !== after.endsAt.getTime() ||
            JSON.stringify(before.venue) !== JSON.stringify(after.venue) ||
            before.onlineUrl !== after.onlineUrl;
          if (moved && after.status === 'published') {
            const registered = await waitingList.registeredUsers(tx, id);
            for (const { userId } of registered) await notify(tx, userId, 'event.changed', { event: after.title, eventId: id });
          }
          const [beforeOut, afterOut] = [await presentEvent(tx, before, institutionId), await presentEvent(tx, after, institutionId)];
          await writeAudit(tx, who, {
            action: 'event.update',
            entityType: 'event',
            entityId: id,
            institutionId,
            before: beforeOut,
            after: afterOut,
          });
          return afterOut;
        },
        attempts,
      );
    },

    publish(who: Who, id: string) {
      return db.transaction(async (tx) => {
        const { event: before, institutionId } = await managedEvent(tx, who.actor, id, { lock: true });
        if (before.status === 'cancelled') throw conflict('event_cancelled', 'The event is cancelled; it cannot be published.');
        if (before.status === 'published') return presentEvent(tx, before, institutionId);
        const after = await repo.updateEvent(tx, id, { status: 'published' });
        await writeAudit(tx, who, {
          action: 'event.publish',
          entityType: 'event',
          entityId: id,
          institutionId,
          before: { status: before.status },
          after: { status: 'published' },
        });
        return presentEvent(tx, after, institutionId);
      });
    },

    /** Cancels the event and tells everyone registered (confirmed or waiting). */
    cancel(who: Who, id: string) {
      return inTransaction(
        db,
        async (tx) => {
          const { event: before, institutionId } = await managedEvent(tx, who.actor, id, { lock: true });
          if (before.status === 'cancelled') return presentEvent(tx, before, institutionId);
          const after = await repo.updateEvent(tx, id, { status: 'cancelled' });
          const registered = await waitingList.registeredUsers(tx, id);
          for (const { userId } of registered) await notify(tx, userId, 'event.cancelled', { event: before.title, eventId: id });
          await writeAudit(tx, who, {
            action: 'event.cancel',
            entityType: 'event',
            entityId: id,
            institutionId,
            before: { status: before.status },
            after: { status: 'cancelled', notified: registered.length },
          });
          return presentEvent(tx, after, institutionId);
        },
        attempts,
      );
    },
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
