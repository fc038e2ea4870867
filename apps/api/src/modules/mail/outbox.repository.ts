import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import { mailOutbox, type Executor } from '@exchange/db';

export type OutboxMail = typeof mailOutbox.$inferSelect;
type NewOutboxMail = typeof mailOutbox.$inferInsert;

/** The transactional outbox; every function takes the transaction it runs in. */
export function createOutboxRepository() {
  return {
    /**
     * Claims up to `batch` mails that are due, oldest due first. SKIP LOCKED lets several API
     * instances deliver at once, each taking other rows.
     */
    claimDue(tx: Executor, batch: number) {
      return tx
        .select()
        .from(mailOutbox)
        .where(and(isNull(mailOutbox.sentAt), lte(mailOutbox.nextAttemptAt, sql`now()`)))
        .orderBy(asc(mailOutbox.nextAttemptAt))
        .limit(batch)
        .for('update', { skipLocked: true });
    },

    async markSent(tx: Executor, id: string, attempts: number) {
      await tx
        .update(mailOutbox)
        .set({ sentAt: sql`now()`, attempts, lastError: null })
        .where(eq(mailOutbox.id, id));
    },

    /** Records a failed attempt; the mail is tried again `delaySeconds` from now. */
    async markFailed(tx: Executor, id: string, attempts: number, lastError: string, delaySeconds: number) {
      await tx
        .update(mailOutbox)
        .set({
          attempts,
          lastError,
          nextAttemptAt: sql`now() + make_interval(secs => ${delaySeconds})`,
        })
        .where(eq(mailOutbox.id, id));
    },

    async enqueue(tx: Executor, mail: NewOutboxMail) {
      await tx.insert(mailOutbox).values(mail);
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
