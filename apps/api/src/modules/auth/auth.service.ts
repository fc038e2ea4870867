import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { decoyPasswordHash, hashPassword, verifyPassword, type Database, type Executor, type users } from '@exchange/db';
import type { Actor, Locale, meUpdate } from '@exchange/shared';
import type { z } from 'zod';
import { AppError, tooManyRequests, unauthorized, unprocessable } from '../../errors.js';
import { endAccountTokens } from '../../lib/account-tokens.js';
import { writeAudit } from '../../lib/audit.js';
import { notify } from '../../lib/notify.js';
import type { RateLimiter } from '../../lib/rate-limiter.js';
import { createSession, revokeAccountAccess } from '../../lib/sessions.js';
import { toUser } from '../../lib/shapes.js';
import { insertRegistration, institutionExists, markRefreshed, revokeSession, setPasswordHash } from './auth.repository.js';

/**
 * Sign-in attempts tolerated within the window. A guesser is refused per (account, client
 * address) and per client address, never per account alone: five wrong passwords from
 * anywhere must not lock the owner out. The account as a whole is slowed instead: past
 * `slowAfter` attempts each one waits longer, and past `perAccount` a client that has failed
 * on it even once is refused — the owner from a client that has not failed still gets in.
 */
export const loginLimits = {
  perAccountClient: 5,
  perClient: 20,
  perAccount: 50,
  slowAfter: 10,
  delayStepMs: 200,
  maxDelayMs: 2000,
  windowSeconds: 15 * 60,
};
/** Registrations per client address and per e-mail within the window. */
export const registrationLimits = { perClient: 10, perEmail: 3, windowSeconds: 60 * 60 };

type UserRow = typeof users.$inferSelect;
type Account = ReturnType<typeof toUser>;

/** What sign-in and registration need of the accounts (the users service provides it). */
export type Accounts = {
  findById(tx: Executor, id: string, options?: { forUpdate?: boolean }): Promise<UserRow | undefined>;
  findByEmail(tx: Executor, email: string): Promise<UserRow | undefined>;
  me(id: string): Promise<Account & { consent: { version: string; givenAt: string } | null }>;
  updateSelf(context: Parameters<typeof writeAudit>[1], id: string, input: z.output<typeof meUpdate>): Promise<Account>;
};

type Deps = {
  db: Database;
  limiter: RateLimiter;
  users: Accounts;
  issueToken(user: { id: string; role: Actor['role'] }, sessionId: string): Promise<{ token: string; expiresAt: Date }>;
};

type Caller = { actor: (Actor & { email: string }) | null; requestId: string; clientAddress: string; userAgent?: string | undefined };

export function createAuthService({ db, limiter, users: accounts, issueToken }: Deps) {
  const invalidCredentials = () => unauthorized('invalid_credentials', 'The e-mail or password is not correct.');

  async function sessionResponse(user: typeof users.$inferSelect, sessionId: string) {
    const { token, expiresAt } = await issueToken(user, sessionId);
    return { token, expiresAt: expiresAt.toISOString(), user: toUser(user) };
  }

  return {
    /** The signed-in user's own account. */
    async me(id: string) {
      const [answer, row] = await Promise.all([accounts.me(id), accounts.findById(db, id)]);
      return { ...answer, fullNameLatin: row?.fullNameLatin ?? null, emailVerifiedAt: row?.emailVerifiedAt?.toISOString() ?? null };
    },
    updateMe: (...args: Parameters<Accounts['updateSelf']>) => accounts.updateSelf(...args),

    async login(email: string, password: string, caller: Caller) {
      const keys = {
        pair: `login:pair:${email} ${caller.clientAddress}`,
        client: `login:client:${caller.clientAddress}`,
        account: `login:account:${email}`,
      };
      // Counted before the password is checked, in one statement: each parallel attempt
      // sees its own count, so no more guesses are checked than the limits allow.
      const counts = await limiter.hitAll(keys, loginLimits.windowSeconds);
      const earlier = { pair: counts.pair.hits - 1, client: counts.client.hits - 1, account: counts.account.hits - 1 };
      const pairLimit = earlier.account >= loginLimits.perAccount ? 1 : loginLimits.perAccountClient;
      const refusedBy = earlier.pair >= pairLimit ? counts.pair : earlier.client >= loginLimits.perClient ? counts.client : null;
      if (refusedBy) {
        // A refused attempt checks nothing, so it does not count against anyone.
        await limiter.refund(Object.values(keys));
        throw tooManyRequests(refusedBy.retryAfterSeconds);
      }
      if (earlier.account >= loginLimits.slowAfter) {
        const steps = earlier.account - loginLimits.slowAfter + 1;
        await sleep(Math.min(steps * loginLimits.delayStepMs, loginLimits.maxDelayMs));
      }

      const user = await accounts.findByEmail(db, email);
      // Verify against a decoy when the account is unknown: both failures take the same time.
      const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
      if (!user || !valid) throw invalidCredentials();
      // The right password: this attempt was no guess, and this client's failures are forgiven.
      await Promise.all([limiter.reset(keys.pair), limiter.refund([keys.client, keys.account])]);
      // Only someone who knows the password learns the account's state.
      if (user.status === 'pending') {
        throw new AppError(403, 'account_pending', 'Your account awaits verification by your international office.');
      }
      if (user.status === 'disabled') throw new AppError(403, 'account_disabled', 'This account is disabled.');

      const session = await db.transaction(async (tx) => {
        const created = await createSession(tx, user.id, caller.userAgent);
        await writeAudit(
          tx,
          { actor: { id: user.id, email: user.email, role: user.role, institutionId: user.institutionId }, requestId: caller.requestId },
          {
            action: 'auth.login',
            entityType: 'session',
            entityId: created.id,
            institutionId: user.institutionId,
            after: { clientAddress: caller.clientAddress },
          },
        );
        return created;
      });
      return sessionResponse(user, session.id);
    },

    /** A fresh token for the same session, so a user stays signed in through the day. */
    async refresh(actor: Actor, sessionId: string) {
      const user = await accounts.findById(db, actor.id);
      if (!user) throw unauthorized('token_revoked', 'This session has ended; sign in again.');
      // A renewal is the session seen in use: the account page shows when.
      await markRefreshed(db, sessionId);
      return sessionResponse(user, sessionId);
    },

    async logout(sessionId: string, caller: Caller) {
      await db.transaction(async (tx) => {
        await revokeSession(tx, sessionId);
        await writeAudit(tx, caller, {
          action: 'auth.logout',
          entityType: 'session',
          entityId: sessionId,
          institutionId: caller.actor?.institutionId ?? null,
        });
      });
    },

    /**
     * A known address is answered exactly as a new one (the same work, the same answer), so
     * registration tells no one which addresses have accounts; the owner hears of it by e-mail.
     */
    async register(
      input: { email: string; password: string; fullName: string; institutionId: string; locale: Locale; consent: { version: string } },
      caller: Caller,
    ) {
      const [client, perEmail] = await Promise.all([
        limiter.hit(`register:client:${caller.clientAddress}`, registrationLimits.windowSeconds),
        limiter.hit(`register:email:${input.email}`, registrationLimits.windowSeconds),
      ]);
      if (client.hits > registrationLimits.perClient) throw tooManyRequests(client.retryAfterSeconds);
      if (perEmail.hits > registrationLimits.perEmail) throw tooManyRequests(perEmail.retryAfterSeconds);

      if (!(await institutionExists(db, input.institutionId))) {
        throw unprocessable('institution_not_found', 'Choose one of the institutions of the agreement.', {
          errors: [{ path: 'body.institutionId', code: 'not_found', message: 'No such institution' }],
        });
      }
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        const existing = await accounts.findByEmail(tx, input.email);
        const created = existing
          ? undefined
          : await insertRegistration(tx, {
              email: input.email,
              fullName: input.fullName,
              role: 'student',
              institutionId: input.institutionId,
              status: 'pending',
              locale: input.locale,
              passwordHash,
              consentVersion: input.consent.version,
            });
        if (!created) {
          const owner = existing ?? (await accounts.findByEmail(tx, input.email))!;
          await notify(tx, owner.id, 'account.registration_attempt');
          await writeAudit(
            tx,
            { actor: null, requestId: caller.requestId },
            {
              action: 'user.register_existing',
              entityType: 'user',
              entityId: owner.id,
              institutionId: owner.institutionId,
              after: { clientAddress: caller.clientAddress },
            },
          );
          // What a new account would answer; the id matches no account.
          const now = new Date().toISOString();
          return {
            id: randomUUID(),
            email: input.email,
            fullName: input.fullName,
            role: 'student' as const,
            institutionId: input.institutionId,
            status: 'pending' as const,
            locale: input.locale,
            nominationMail: 'daily' as const,
            passwordSet: true,
            createdAt: now,
          };
        }
        await writeAudit(
          tx,
          { actor: null, requestId: caller.requestId },
          {
            action: 'user.register',
            entityType: 'user',
            entityId: created!.id,
            institutionId: input.institutionId,
            after: { ...toUser(created!), consentVersion: input.consent.version },
          },
        );
        return toUser(created!);
      });
    },

    async changePassword(actor: Actor & { email: string }, currentPassword: string, newPassword: string, caller: Caller) {
      const user = await accounts.findById(db, actor.id);
      if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw unprocessable('wrong_password', 'The current password is not correct.', {
          errors: [{ path: 'body.currentPassword', code: 'wrong_password', message: 'Not correct' }],
        });
      }
      const passwordHash = await hashPassword(newPassword);
      const session = await db.transaction(async (tx) => {
        await setPasswordHash(tx, actor.id, passwordHash);
        // Every other device is signed out at once; this one continues on a new session.
        await revokeAccountAccess(tx, actor.id);
        await endAccountTokens(tx, actor.id);
        const created = await createSession(tx, actor.id, caller.userAgent);
        await writeAudit(tx, caller, {
          action: 'user.password_change',
          entityType: 'user',
          entityId: actor.id,
          institutionId: actor.institutionId,
        });
        return created;
      });
      return sessionResponse(user, session.id);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
