import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, asc, isNull, lte, sql, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import { mailOutbox, type Database } from '@exchange/db';

export type MailWorkerOptions = {
  db: Database;
  /** `smtp://` or `smtps://`; unset: each mail becomes an .eml file in `outboxDir`. */
  smtpUrl: string | undefined;
  outboxDir: string;
  log: FastifyBaseLogger;
};

/** Seconds to wait after the n-th failed attempt: 30 s, 1 min, 2 min … capped at 1 hour. */
export const retryDelaySeconds = (attempts: number) => Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));

function senderOf(smtpUrl: string | undefined): string {
  const from = smtpUrl ? new URL(smtpUrl).searchParams.get('from') : null;
  return from ?? 'Penza–Baoji Exchange <no-reply@exchange.invalid>';
}

/**
 * Delivers the transactional outbox. Safe on several API instances at once (rows are claimed
 * with SKIP LOCKED); a mail is sent at least once, and a file delivery is idempotent (the file
 * is named by the mail's id).
 */
export function createMailWorker({ db, smtpUrl, outboxDir, log }: MailWorkerOptions) {
  const transport = smtpUrl
    ? nodemailer.createTransport(smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const from = senderOf(smtpUrl);

  async function send(mail: typeof mailOutbox.$inferSelect) {
    const info = await transport.sendMail({ from, to: mail.toAddress, subject: mail.subject, text: mail.body, messageId: `<${mail.id}@exchange.invalid>` });
    if (!smtpUrl) {
      await mkdir(outboxDir, { recursive: true });
      const file = path.join(outboxDir, `${mail.createdAt.toISOString().replace(/[:.]/g, '-')}-${mail.id}.eml`);
      await writeFile(`${file}.tmp`, (info as unknown as { message: Buffer }).message);
      await rename(`${file}.tmp`, file);
    }
  }

  /** Sends what is due; returns how many were sent. */
  async function deliverDue(batch = 20): Promise<number> {
    return db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(mailOutbox)
        .where(and(isNull(mailOutbox.sentAt), lte(mailOutbox.nextAttemptAt, sql`now()`)))
        .orderBy(asc(mailOutbox.nextAttemptAt))
        .limit(batch)
        .for('update', { skipLocked: true });
      let sent = 0;
      for (const mail of due) {
        try {
          await send(mail);
          await tx.update(mailOutbox).set({ sentAt: sql`now()`, attempts: mail.attempts + 1, lastError: null }).where(eq(mailOutbox.id, mail.id));
          sent++;
        } catch (error) {
          const attempts = mail.attempts + 1;
          log.warn({ err: error, mailId: mail.id, attempts }, 'mail not sent; will retry');
          await tx
            .update(mailOutbox)
            .set({
              attempts,
              lastError: String((error as Error).message ?? error).slice(0, 500),
              nextAttemptAt: sql`now() + make_interval(secs => ${retryDelaySeconds(attempts)})`,
            })
            .where(eq(mailOutbox.id, mail.id));
        }
      }
      return sent;
    });
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  return {
    deliverDue,
    start(intervalMs = 2000) {
      timer = setInterval(() => {
        running = running.then(() => deliverDue()).catch((error) => log.error({ err: error }, 'mail worker failed'));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
      transport.close();
    },
  };
}
export type MailWorker = ReturnType<typeof createMailWorker>;
