import { setTimeout as sleep } from 'node:timers/promises';
import { hashPassword, type Database, type Executor, type users } from '@exchange/db';
import type { Actor } from '@exchange/shared';
import { AppError, notFound, tooManyRequests } from '../../errors.js';
import { mailAccountLink } from '../../lib/account-mail.js';
import { consumeAccountToken, endAccountTokens, issueAccountToken } from '../../lib/account-tokens.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import type { RateLimiter } from '../../lib/rate-limiter.js';
import { toIso, toIsoOrNull } from '../../lib/route.js';
import { createSession, revokeAccountAccess } from '../../lib/sessions.js';
import { toUser } from '../../lib/shapes.js';
import { endOtherSessions, endSession, listLiveSessions, setPasswordFromLink } from './account.repository.js';
import { describeDevice } from './device.js';

/**
 * Reset links asked for per e-mail address and per client address within the window, and
 * links tried per client address. An address is counted whether or not it has an account,
 * so the limit tells nothing either.
 */
export const resetLimits = { perEmail: 3, perClient: 10, confirmsPerClient: 20, windowSeconds: 60 * 60 };
/**
 * Every reset request takes at least this long, with or without an account behind the
 * address: the work for a known address (a link, a mail) then hides inside it.
 */
export const resetAnswerFloorMs = 250;

type UserRow = typeof users.$inferSelect;

/** What the account pages need of the accounts (the users service provides it). */
export type Accounts = { findByEmail(tx: Executor, email: string): Promise<UserRow | undefined> };

type Deps = {
  db: Database;
  limiter: RateLimiter;
  users: Accounts;
  issueToken(user: { id: string; role: Actor['role'] }, sessionId: string): Promise<{ token: string; expiresAt: Date }>;
};

/** A caller that may be signed out, with what limits and sessions need of the request. */
type Caller = { actor: (Actor & { email: string }) | null; requestId: string; clientAddress: string; userAgent?: string | undefined };

/** Reused, expired, tampered, of another purpose, for a disabled account: all answered alike. */
const invalidLink = () => new AppError(400, 'invalid_link', 'This link does not work any more. Ask for a new one.');

export function createAccountService({ db, limiter, users: accounts, issueToken }: Deps) {
  const asActor = (user: UserRow) => ({ id: user.id, email: user.email, role: user.role, institutionId: user.institutionId });

  return {
    /** E-mails a reset link when the address has an account that may sign in; answers alike either way. */
    async requestPasswordReset(email: string, caller: Caller) {
      const started = Date.now();
      const counts = await limiter.hitAll({ email: `reset:email:${email}`, client: `reset:client:${caller.clientAddress}` }, resetLimits.windowSeconds);
      const refusedBy = counts.client.hits > resetLimits.perClient ? counts.client : counts.email.hits > resetLimits.perEmail ? counts.email : null;
      if (refusedBy) throw tooManyRequests(refusedBy.retryAfterSeconds);

      await db.transaction(async (tx) => {
        const user = await accounts.findByEmail(tx, email);
        if (!user || user.status === 'disabled') return;
        const token = await issueAccountToken(tx, user.id, 'password_reset');
        await mailAccountLink(tx, user, 'password_reset', token);
        await writeAudit(
          tx,
          { actor: null, requestId: caller.requestId },
          {
            action: 'user.password_reset_request',
            entityType: 'user',
            entityId: user.id,
            institutionId: user.institutionId,
            after: { clientAddress: caller.clientAddress },
          },
        );
      });
      const left = resetAnswerFloorMs - (Date.now() - started);
      if (left > 0) await sleep(left);
    },

    /** Sets a new password from a reset link and ends every session of the account. */
    async confirmPasswordReset(token: string, password: string, caller: Caller) {
      const hit = await limiter.hit(`reset-confirm:client:${caller.clientAddress}`, resetLimits.windowSeconds);
      if (hit.hits > resetLimits.confirmsPerClient) throw tooManyRequests(hit.retryAfterSeconds);
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        const userId = await consumeAccountToken(tx, token, 'password_reset');
        if (!userId) throw invalidLink();
        const user = await setPasswordFromLink(tx, userId, passwordHash);
        await revokeAccountAccess(tx, userId);
        await endAccountTokens(tx, userId);
        await writeAudit(
          tx,
          { actor: asActor(user), requestId: caller.requestId },
          { action: 'user.password_reset', entityType: 'user', entityId: userId, institutionId: user.institutionId },
        );
      });
    },

    /**
     * Sets the first password from an invitation and signs its owner in. An account still
     * awaiting its office's verification keeps its password and waits, as at sign-in.
     */
    async acceptInvitation(token: string, password: string, caller: Caller) {
      const hit = await limiter.hit(`reset-confirm:client:${caller.clientAddress}`, resetLimits.windowSeconds);
      if (hit.hits > resetLimits.confirmsPerClient) throw tooManyRequests(hit.retryAfterSeconds);
      const passwordHash = await hashPassword(password);
      const { user, sessionId } = await db.transaction(async (tx) => {
        const userId = await consumeAccountToken(tx, token, 'invitation');
        if (!userId) throw invalidLink();
        const accepted = await setPasswordFromLink(tx, userId, passwordHash);
        await revokeAccountAccess(tx, userId);
        await endAccountTokens(tx, userId);
        const session = accepted.status === 'active' ? await createSession(tx, userId, caller.userAgent) : undefined;
        await writeAudit(
          tx,
          { actor: asActor(accepted), requestId: caller.requestId },
          {
            action: 'user.invitation_accept',
            entityType: 'user',
            entityId: userId,
            institutionId: accepted.institutionId,
            after: { clientAddress: caller.clientAddress },
          },
        );
        return { user: accepted, sessionId: session?.id };
      });
      if (!sessionId) throw new AppError(403, 'account_pending', 'Your account awaits verification by your international office.');
      const { token: accessToken, expiresAt } = await issueToken(user, sessionId);
      return { token: accessToken, expiresAt: expiresAt.toISOString(), user: toUser(user) };
    },

    /** The caller's live sessions, the newest in use first. */
    async sessions(userId: string, currentSessionId: string) {
      const rows = await listLiveSessions(db, userId);
      return {
        items: rows.map((row) => ({
          id: row.id,
          current: row.id === currentSessionId,
          createdAt: toIso(row.createdAt),
          refreshedAt: toIsoOrNull(row.refreshedAt),
          expiresAt: toIso(row.expiresAt),
          userAgent: row.userAgent,
          ...describeDevice(row.userAgent),
        })),
      };
    },

    /** Ends one of the caller's sessions (this one too: that is signing out). */
    async endSession(caller: Who, sessionId: string) {
      await db.transaction(async (tx) => {
        if (!(await endSession(tx, caller.actor.id, sessionId))) throw notFound('session');
        await writeAudit(tx, caller, {
          action: 'auth.session_end',
          entityType: 'session',
          entityId: sessionId,
          institutionId: caller.actor.institutionId,
        });
      });
    },

    /** Signs the caller out everywhere but here. */
    async endOtherSessions(caller: Who, currentSessionId: string) {
      return db.transaction(async (tx) => {
        const ended = await endOtherSessions(tx, caller.actor.id, currentSessionId);
        await writeAudit(tx, caller, {
          action: 'auth.sessions_end_others',
          entityType: 'user',
          entityId: caller.actor.id,
          institutionId: caller.actor.institutionId,
          after: { ended },
        });
        return { ended };
      });
    },
  };
}
export type AccountService = ReturnType<typeof createAccountService>;
