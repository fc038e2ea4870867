import type { Database } from '@exchange/db';
import { incomingNomineesPath, instantToZonedLocal, renderNomineeDigest, type Locale } from '@exchange/shared';
import { createDigestsRepository, type DigestsRepository } from './digests.repository.js';
import { createOutboxRepository, type OutboxRepository } from './outbox.repository.js';

/** The local hour from which the day's digest goes out: the start of an office's working day. */
export const digestHour = 8;

export type DigestOptions = {
  db: Database;
  clock: () => Date;
  /** A web path as an absolute address on the web's public URL. */
  link: (path: string) => string;
  repository?: DigestsRepository;
  outbox?: OutboxRepository;
};

/**
 * Composes the daily digests that are due. Nothing lives in memory: any API instance may run
 * it at any time. The unique (user, day) key lets only one instance write a person's digest of
 * a day (a second insert waits for the first and then finds the row), and the entries it takes
 * are locked and marked in that same transaction, together with the outbox mail.
 */
export function createDigestComposer({ db, clock, link, repository = createDigestsRepository(db), outbox = createOutboxRepository() }: DigestOptions) {
  const repo = repository;

  async function composeFor(userId: string, day: string): Promise<boolean> {
    return db.transaction(async (tx) => {
      const digest = await repo.openDigest(tx, userId, day);
      if (!digest) return false;
      const entries = await repo.lockPendingEntries(tx, userId);
      const reader = await repo.reader(tx, userId);
      if (entries.length === 0 || !reader) {
        // Nothing left to send (taken meanwhile): keep the day open for entries still to come.
        await repo.dropDigest(tx, digest.id);
        return false;
      }
      await repo.assignEntries(
        tx,
        digest.id,
        entries.map((entry) => entry.id),
      );
      const locale = reader.locale as Locale;
      const { subject, body } = renderNomineeDigest(entries, locale, link);
      await outbox.enqueue(tx, { toAddress: reader.email, subject, body, locale, linkPath: incomingNomineesPath });
      return true;
    });
  }

  /** Writes every digest due now into the outbox; returns how many. */
  async function composeDue(): Promise<number> {
    const now = clock();
    const waiting = await repo.readersAwaiting(now);
    let composed = 0;
    for (const { userId, timeZone } of waiting) {
      const local = instantToZonedLocal(now, timeZone ?? 'UTC');
      if (Number(local.slice(11, 13)) < digestHour) continue;
      if (await composeFor(userId, local.slice(0, 10))) composed++;
    }
    return composed;
  }

  return { composeDue };
}
