/**
 * The waiting list of an event: who is on it and who moves up when seats free. Events (a raised
 * capacity, a new time) and registrations (a cancelled seat) both use it, so it stands alone and
 * is created first in `app.ts`. Every function runs under the event's row lock.
 */
import type { Database, Executor, Transaction } from '@exchange/db';
import { writeAudit, type Who } from '../../lib/audit.js';
import { notify } from '../../lib/notify.js';
import { createRegistrationsRepository, type RegistrationsRepository } from './registrations.repository.js';

type EventRow = Awaited<ReturnType<RegistrationsRepository['addConfirmed']>>;

export function createWaitingList({ db, repository = createRegistrationsRepository(db) }: { db: Database; repository?: RegistrationsRepository }) {
  return {
    countWaiting: (executor: Executor, eventId: string) => repository.countWaiting(executor, eventId),

    /** The people registered (confirmed or waiting), to be told of a change. */
    registeredUsers: (executor: Executor, eventId: string) => repository.registeredUsers(executor, eventId),

    /**
     * Confirms people from the head of the waiting list while seats are free; call it under the
     * event's lock. Each promoted person is told once, in the same transaction.
     */
    async fillSeats(tx: Transaction, who: Who | null, event: EventRow, institutionId: string) {
      if (event.status !== 'published') return event;
      const free = event.capacity - event.confirmedCount;
      if (free <= 0) return event;
      const heads = await repository.waitingHeads(tx, event.id, free);
      if (heads.length === 0) return event;
      await repository.setStatus(
        tx,
        heads.map((head) => head.id),
        'confirmed',
      );
      const updated = await repository.addConfirmed(tx, event.id, heads.length);
      for (const head of heads) {
        await notify(tx, head.userId, 'event.promoted', { event: event.title, eventId: event.id });
        await writeAudit(tx, who ?? { actor: null }, {
          action: 'registration.promote',
          entityType: 'registration',
          entityId: head.id,
          institutionId,
          after: { status: 'confirmed', userId: head.userId, eventId: event.id },
        });
      }
      return updated;
    },
  };
}

export type WaitingList = ReturnType<typeof createWaitingList>;
