import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '@exchange/db';
import { mailLinkLine, locales, type Locale } from '@exchange/shared';
import type { Mailbox } from '../../config.js';
import { createDigestComposer } from './digests.js';
import { createOutboxRepository, type OutboxMail, type OutboxRepository } from './outbox.repository.js';

export type MailWorkerOptions = {
  db: Database;
  /** `smtp://` or `smtps://`; unset: each mail becomes an .eml file in `outboxDir`. */
  smtpUrl: string | undefined;
  outboxDir: string;
  /** The web's public URL: mails link to its pages. */
  origin: string;
  /** The sender of every mail. */
  from: Mailbox;
  /** The system's clock: when a day's digest is due. */
  clock: () => Date;
  log: FastifyBaseLogger;
  outbox?: OutboxRepository;
};

/** Seconds to wait after the n-th failed attempt: 30 s, 1 min, 2 min … capped at 1 hour. */
export const retryDelaySeconds = (attempts: number) => Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));

const isLocale = (value: string | null): value is Locale => (locales as readonly (string | null)[]).includes(value);

/**
 * Delivers the transactional outbox. Safe on several API instances at once (rows are claimed
 * with SKIP LOCKED); a mail is sent at least once, and a file delivery is idempotent (the file
 * is named by the mail's id).
 */
export function createMailWorker({ db, smtpUrl, outboxDir, origin, from, clock, log, outbox = createOutboxRepository() }: MailWorkerOptions) {
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const link = (pagePath: string) => new URL(pagePath, origin).href;
  const digests = createDigestComposer({ db, clock, link, outbox });
  // Message ids at the sender's own domain, as mail servers expect.
  const idDomain = from.address.split('@').pop();

  /** The body as stored, with the link to its page on the web's current public URL. */
  const textOf = (mail: OutboxMail) =>
    mail.linkPath ? `${mail.body}\n\n${mailLinkLine(link(mail.linkPath), isLocale(mail.locale) ? mail.locale : 'en')}` : mail.body;

  async function send(mail: OutboxMail) {
    const info = await transport.sendMail({
      from,
      to: mail.toAddress,
      subject: mail.subject,
      text: textOf(mail),
      messageId: `<${mail.id}@${idDomain}>`,
    });
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
      const due = await outbox.claimDue(tx, batch);
      let sent = 0;
      for (const mail of due) {
        try {
          await send(mail);
          await outbox.markSent(tx, mail.id, mail.attempts + 1);
          sent++;
        } catch (error) {
          const attempts = mail.attempts + 1;
          log.warn({ err: error, mailId: mail.id, attempts }, 'mail not sent; will retry');
          const lastError = String((error as Error).message ?? error).slice(0, 500);
          await outbox.markFailed(tx, mail.id, attempts, lastError, retryDelaySeconds(attempts));
        }
      }
      return sent;
    });
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  return {
    deliverDue,
    /** Writes the daily digests that are due into the outbox (the worker does it on each round). */
    composeDigests: digests.composeDue,
    start(intervalMs = 2000) {
      timer = setInterval(() => {
        running = running
          .then(() => digests.composeDue())
          .then(() => deliverDue())
          .catch((error) => log.error({ err: error }, 'mail worker failed'));
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
