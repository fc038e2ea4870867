/**
 * Registration for events: one click, confirmed while seats remain, else a FIFO waiting list;
 * cancelling frees the seat for the head of the list. The registrations list and its export.
 *
 * Every change runs in one transaction that first takes the event's row lock: changes to one
 * event happen one after another, so `confirmedCount` is exact, the database's CHECK keeps it
 * within capacity, and the waiting list moves in `seq` order exactly once per freed seat.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Database, Executor } from '@exchange/db';
import { isInAudience, type Actor, type registrationListQuery } from '@exchange/shared';
import { AppError, conflict, notFound } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import { inTransaction } from '../../lib/transaction.js';
import type { EventsService } from '../events/index.js';
import { createRegistrationsRepository, toRegistration, type RegistrationRow, type RegistrationsRepository } from './registrations.repository.js';
import type { WaitingList } from './waiting-list.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Attempts of a transaction that PostgreSQL aborts under contention for the event's lock. */
const attempts = 5;

type Deps = {
  db: Database;
  secret: string;
  events: EventsService;
  waitingList: WaitingList;
  clock?: () => Date;
  repository?: RegistrationsRepository;
};

export function createRegistrationsService({
  db,
  secret,
  events,
  waitingList,
  clock = () => new Date(),
  repository = createRegistrationsRepository(db),
}: Deps) {
  const repo = repository;
  // Separate keys for separate uses, derived from the server's secret.
  const checkInKey = createHmac('sha256', secret).update('exchange:event-check-in').digest();

  /** The registrant's check-in secret: derived, never stored (only its SHA-256 is). */
  const checkInCode = (registrationId: string) => createHmac('sha256', checkInKey).update(registrationId).digest('base64url');

  async function presentRegistration(executor: Executor, row: RegistrationRow, own: boolean) {
    const base = toRegistration(row, await repo.positionOf(executor, row));
    return own && row.status !== 'cancelled' ? { ...base, checkInCode: checkInCode(row.id) } : base;
  }

  return {
    /** The registration as the contract shows it. */
    toRegistration,

    /** A person's registrations that still stand, with their events (from `from` on if given). */
    standing: (userId: string, from?: Date) => repo.registrationsOfUser(db, userId, from),

    /**
     * One click: confirmed while seats remain, else on the waiting list. A second attempt
     * answers the registration that already stands (`created: false`).
     */
    register(who: Who, eventId: string) {
      return inTransaction(
        db,
        async (tx) => {
          const { event, institutionId } = await events.visibleEvent(tx, who.actor, eventId, { lock: true });
          const existing = await repo.activeRegistration(tx, eventId, who.actor.id);
          if (existing) return { created: false, registration: await presentRegistration(tx, existing, true) };

          if (event.status === 'cancelled') throw conflict('event_cancelled', 'The event is cancelled.');
          if (event.status !== 'published') throw conflict('event_not_published', 'The event is not published yet.');
          const now = clock();
          if (event.registrationOpensAt && now < event.registrationOpensAt) {
            throw conflict('registration_not_open', 'Registration has not opened yet.', {
              opensAt: event.registrationOpensAt.toISOString(),
            });
          }
          const closesAt = event.registrationClosesAt ?? event.startsAt;
          if (now >= closesAt) throw conflict('registration_closed', 'Registration is closed.', { closedAt: closesAt.toISOString() });
          if (!isInAudience(who.actor, event.audienceInstitutionIds)) {
            throw new AppError(403, 'not_in_audience', 'This event is open only to people of certain institutions.', {
              institutionIds: event.audienceInstitutionIds,
            });
          }

          const waiting = await repo.countWaiting(tx, eventId);
          const seatFree = event.confirmedCount < event.capacity && waiting === 0;
          if (!seatFree && !event.waitlistEnabled) throw conflict('event_full', 'The event is full and has no waiting list.');
          const status = seatFree ? ('confirmed' as const) : ('waitlisted' as const);
          const id = randomUUID();
          const created = await repo.insert(tx, { id, eventId, userId: who.actor.id, status, checkInTokenHash: sha256(checkInCode(id)) });
          if (seatFree) await repo.addConfirmed(tx, eventId, 1);
          const registration = await presentRegistration(tx, created, true);
          await writeAudit(tx, who, {
            action: 'registration.create',
            entityType: 'registration',
            entityId: id,
            institutionId,
            after: toRegistration(created, registration.position),
          });
          return { created: true, registration };
        },
        attempts,
      );
    },

    /** The caller's registration for an event (with the QR secret), or 404. */
    async mine(who: Who, eventId: string) {
      await events.visibleEvent(db, who.actor, eventId);
      const row = await repo.activeRegistration(db, eventId, who.actor.id);
      if (!row) throw notFound('registration');
      return presentRegistration(db, row, true);
    },

    /** Frees the seat; the head of the waiting list takes it, exactly once. */
    cancelMine(who: Who, eventId: string) {
      return inTransaction(
        db,
        async (tx) => {
          const { event, institutionId } = await events.visibleEvent(tx, who.actor, eventId, { lock: true });
          const row = await repo.activeRegistration(tx, eventId, who.actor.id);
          if (!row) throw notFound('registration');
          if (row.checkedInAt) throw conflict('already_checked_in', 'You have already been checked in at this event.');
          await repo.setStatus(tx, [row.id], 'cancelled');
          const current = row.status === 'confirmed' ? await repo.addConfirmed(tx, eventId, -1) : event;
          await writeAudit(tx, who, {
            action: 'registration.cancel',
            entityType: 'registration',
            entityId: row.id,
            institutionId,
            before: { status: row.status },
            after: { status: 'cancelled' },
          });
          await waitingList.fillSeats(tx, who, current, institutionId);
        },
        attempts,
      );
    },

    async myRegistrations(who: Who) {
      const rows = await repo.registrationsOfUser(db, who.actor.id, new Date(clock().getTime() - 24 * 3600 * 1000));
      return {
        items: rows.map((row) => ({
          ...toRegistration(row.registration, row.position),
          event: events.toEvent(row.event, row.institutionId, row.waiting),
        })),
      };
    },

    async registrants(actor: Actor, eventId: string, query: z.output<typeof registrationListQuery>) {
      await events.managedEvent(db, actor, eventId);
      const { limit, offset, ...filter } = query;
      return repo.listRegistrants(db, eventId, filter, limit, offset);
    },

    async exportRows(actor: Actor, eventId: string) {
      const { event } = await events.managedEvent(db, actor, eventId);
      const [rows, codes] = await Promise.all([repo.allRegistrants(db, eventId), repo.institutionCodes(db)]);
      const codeOf = new Map(codes.map((row) => [row.id, row.code]));
      return {
        event,
        rows: rows.map((row) => ({
          fullName: row.fullName,
          email: row.email,
          institution: row.institutionId ? (codeOf.get(row.institutionId) ?? '') : '',
          status: row.registration.status,
          position: row.position,
          registeredAt: row.registration.createdAt,
          checkedInAt: row.registration.checkedInAt,
        })),
      };
    },
  };
}

export type RegistrationsService = ReturnType<typeof createRegistrationsService>;
