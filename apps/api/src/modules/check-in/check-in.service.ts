/** Check-in at the door (by QR code or by name) and attendance per event of a centre. */
import { createHash } from 'node:crypto';
import type { Database, events as eventsTable, Executor, Transaction } from '@exchange/db';
import type { Actor, Registration as RegistrationView } from '@exchange/shared';
import { conflict, notFound, unprocessable } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import { createCheckInRepository, type CheckInRepository } from './check-in.repository.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

type Registration = NonNullable<Awaited<ReturnType<CheckInRepository['lockRegistration']>>>;
/** An event with the institution whose centre runs it. */
type Managed = { event: typeof eventsTable.$inferSelect; institutionId: string };

type Deps = {
  db: Database;
  /** Finds the events and centres the actor runs (the events service). */
  events: {
    managedEvent(executor: Executor, actor: Actor, id: string): Promise<Managed>;
    managedCentre(actor: Actor, id: string): Promise<unknown>;
  };
  /** Shows a registration as the contract does (the registrations service). */
  registrations: { toRegistration(row: Registration, position: null): Omit<RegistrationView, 'checkInCode'> };
  repository?: CheckInRepository;
};

export function createCheckInService({ db, events, registrations, repository = createCheckInRepository(db) }: Deps) {
  const repo = repository;

  async function recordCheckIn(tx: Transaction, who: Who, { event, institutionId }: Managed, row: Registration) {
    if (event.status === 'cancelled') throw conflict('event_cancelled', 'The event is cancelled.');
    if (row.status !== 'confirmed') {
      throw conflict(row.status === 'waitlisted' ? 'registration_waitlisted' : 'registration_cancelled', 'Only confirmed registrations can be checked in.', {
        registrationStatus: row.status,
      });
    }
    let current = row;
    if (!row.checkedInAt) {
      current = await repo.markCheckedIn(tx, row.id);
      await writeAudit(tx, who, {
        action: 'registration.check_in',
        entityType: 'registration',
        entityId: row.id,
        institutionId,
        after: { checkedInAt: current.checkedInAt },
      });
    }
    const person = await repo.person(tx, row.userId);
    return { ...registrations.toRegistration(current, null), ...person, alreadyCheckedIn: Boolean(row.checkedInAt) };
  }

  return {
    /** Records attendance of a confirmed registrant; checking in twice keeps the first time. */
    checkIn(who: Who, eventId: string, registrationId: string) {
      return db.transaction(async (tx) => {
        const managed = await events.managedEvent(tx, who.actor, eventId);
        const row = await repo.lockRegistration(tx, eventId, registrationId);
        if (!row) throw notFound('registration');
        return recordCheckIn(tx, who, managed, row);
      });
    },

    /** Check-in with the secret of a registrant's QR code; a forged or foreign code is refused. */
    checkInByCode(who: Who, eventId: string, code: string) {
      return db.transaction(async (tx) => {
        const managed = await events.managedEvent(tx, who.actor, eventId);
        const row = await repo.lockRegistrationByToken(tx, eventId, sha256(code));
        if (!row) throw unprocessable('invalid_check_in_code', 'This code is not a registration for this event.');
        return recordCheckIn(tx, who, managed, row);
      });
    },

    async attendance(actor: Actor, centreId: string, from?: string, to?: string) {
      await events.managedCentre(actor, centreId);
      const rows = await repo.attendanceOf(centreId, from ? new Date(from) : undefined, to ? new Date(to) : undefined);
      const items = rows.map((row) => ({
        eventId: row.event.id,
        title: row.event.title,
        startsAt: row.event.startsAt.toISOString(),
        timeZone: row.event.timeZone,
        status: row.event.status,
        capacity: row.event.capacity,
        confirmed: row.confirmed,
        waitlisted: row.waitlisted,
        checkedIn: row.checkedIn,
      }));
      const counted = items.filter((item) => item.status !== 'cancelled');
      return {
        centreId,
        from: from ?? null,
        to: to ?? null,
        items,
        totals: {
          events: counted.length,
          capacity: counted.reduce((sum, item) => sum + item.capacity, 0),
          confirmed: counted.reduce((sum, item) => sum + item.confirmed, 0),
          checkedIn: counted.reduce((sum, item) => sum + item.checkedIn, 0),
        },
      };
    },
  };
}

export type CheckInService = ReturnType<typeof createCheckInService>;
