import { hashPassword, type Database, type Executor } from '@exchange/db';
import {
  canCreateUser,
  canUpdateUser,
  canViewUser,
  coordinatorManagedRoles,
  meUpdate,
  type Actor,
  type Locale,
  type Role,
  type UserStatus,
} from '@exchange/shared';
import type { z } from 'zod';
import { conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { mailAccountLink } from '../../lib/account-mail.js';
import { endAccountTokens, issueAccountToken } from '../../lib/account-tokens.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import { notify } from '../../lib/notify.js';
import { revokeAccountAccess } from '../../lib/sessions.js';
import { toIso } from '../../lib/route.js';
import { toUser } from '../../lib/shapes.js';
import { deleteIdentities, findUserByEmail, findUserById, insertUser, listUsers, updateUser, type UserFilter } from './users.repository.js';

function requireInstitutionRule(role: Role, institutionId: string | null) {
  if (role !== 'admin' && !institutionId) {
    throw unprocessable('institution_required', 'Everyone but an administrator belongs to an institution.', {
      errors: [{ path: 'body.institutionId', code: 'required', message: 'Required for this role' }],
    });
  }
}

export function createUsersService({ db }: { db: Database }) {
  return {
    /** Account rows read in the caller's transaction: how sign-in and registration look accounts up. */
    findById: (tx: Executor, id: string, options: { forUpdate?: boolean } = {}) => findUserById(tx, id, options),
    findByEmail: (tx: Executor, email: string) => findUserByEmail(tx, email),

    /** The signed-in user, with the consent given at registration. */
    async me(id: string) {
      const row = (await findUserById(db, id))!;
      const consent = row.consentVersion && row.consentedAt ? { version: row.consentVersion, givenAt: toIso(row.consentedAt) } : null;
      return { ...toUser(row), consent };
    },

    /** Changes the caller's own name, language or nominee mail, audited. */
    updateSelf(context: Parameters<typeof writeAudit>[1], id: string, input: z.output<typeof meUpdate>) {
      return db.transaction(async (tx) => {
        const before = (await findUserById(tx, id, { forUpdate: true }))!;
        const after = await updateUser(tx, before.id, input);
        await writeAudit(tx, context, {
          action: 'user.update_self',
          entityType: 'user',
          entityId: before.id,
          institutionId: before.institutionId,
          before: toUser(before),
          after: toUser(after),
        });
        return toUser(after);
      });
    },

    /** Admins list everyone; coordinators the students and reviewers of their own institution. */
    list(actor: Actor, filter: UserFilter, limit: number, offset: number) {
      const scoped: UserFilter =
        actor.role === 'admin' ? filter : { ...filter, roles: coordinatorManagedRoles, institutionId: actor.institutionId ?? undefined };
      if (actor.role !== 'admin' && filter.role && !(coordinatorManagedRoles as readonly Role[]).includes(filter.role)) {
        return { items: [], total: 0, limit, offset };
      }
      if (actor.role !== 'admin' && filter.institutionId && filter.institutionId !== actor.institutionId) {
        return { items: [], total: 0, limit, offset };
      }
      return listUsers(db, scoped, limit, offset);
    },

    async get(actor: Actor, id: string) {
      const row = await findUserById(db, id);
      if (!row || !canViewUser(actor, row)) throw notFound('user');
      return toUser(row);
    },

    async create(
      who: Who,
      input: {
        email: string;
        fullName: string;
        role: Role;
        institutionId: string | null;
        status: UserStatus;
        locale: Locale;
        password?: string | undefined;
      },
    ) {
      if (!canCreateUser(who.actor, input)) throw forbidden('You may create student and reviewer accounts of your own institution only.');
      requireInstitutionRule(input.role, input.institutionId);
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      return db.transaction(async (tx) => {
        if (await findUserByEmail(tx, input.email)) throw conflict('email_taken', 'An account with this e-mail already exists.');
        const { password: _password, ...fields } = input;
        const created = await insertUser(tx, { ...fields, passwordHash });
        // Without a password the owner chooses one through the e-mailed link.
        if (!passwordHash) await mailAccountLink(tx, created, 'invitation', await issueAccountToken(tx, created.id, 'invitation'));
        await writeAudit(tx, who, {
          action: passwordHash ? 'user.create' : 'user.invite',
          entityType: 'user',
          entityId: created.id,
          institutionId: created.institutionId,
          after: toUser(created),
        });
        return toUser(created);
      });
    },

    /**
     * E-mails a new invitation link to an account that has not set its password yet; the
     * earlier link stops working. Refused for a disabled account and one with a password.
     */
    resendInvitation(who: Who, id: string) {
      return db.transaction(async (tx) => {
        const account = await findUserById(tx, id, { forUpdate: true });
        if (!account || !canViewUser(who.actor, account) || account.id === who.actor.id) throw notFound('user');
        if (!canUpdateUser(who.actor, account, ['status'])) throw forbidden('You may invite students and reviewers of your own institution only.');
        if (account.passwordHash) throw conflict('password_already_set', 'This account has set its password; it signs in as usual.');
        if (account.status === 'disabled') throw conflict('account_disabled', 'This account is disabled; enable it before inviting again.');
        await mailAccountLink(tx, account, 'invitation', await issueAccountToken(tx, account.id, 'invitation'));
        await writeAudit(tx, who, { action: 'user.invite_again', entityType: 'user', entityId: account.id, institutionId: account.institutionId });
        return toUser(account);
      });
    },

    async update(
      who: Who,
      id: string,
      input: {
        fullName?: string | undefined;
        role?: Role | undefined;
        institutionId?: string | null | undefined;
        status?: UserStatus | undefined;
        locale?: Locale | undefined;
        password?: string | undefined;
      },
    ) {
      const fields = Object.keys(input).filter((key) => input[key as keyof typeof input] !== undefined);
      const passwordHash = input.password ? await hashPassword(input.password) : undefined;
      return db.transaction(async (tx) => {
        const before = await findUserById(tx, id, { forUpdate: true });
        if (!before || !canViewUser(who.actor, before)) throw notFound('user');
        if (!canUpdateUser(who.actor, before, fields))
          throw forbidden('You may verify, disable or rename students and reviewers of your own institution only.');
        const role = input.role ?? before.role;
        const institutionId = input.institutionId === undefined ? before.institutionId : input.institutionId;
        requireInstitutionRule(role, institutionId);

        const { password: _password, ...changes } = input;
        const after = await updateUser(tx, id, { ...changes, ...(passwordHash ? { passwordHash } : {}) });
        // Any change to who someone is or may be ends their sessions at once.
        if (passwordHash || after.status !== 'active' || role !== before.role || institutionId !== before.institutionId) {
          await revokeAccountAccess(tx, id);
        }
        // A password set here or a disabled account makes every e-mailed link obsolete.
        if (passwordHash || after.status === 'disabled') await endAccountTokens(tx, id);
        // A provider vouches for its own institution's people only: a move unlinks its identities.
        const unlinked = institutionId !== before.institutionId ? await deleteIdentities(tx, id) : 0;
        const verified = before.status === 'pending' && after.status === 'active';
        if (verified) await notify(tx, id, 'account.verified');
        await writeAudit(tx, who, {
          action: verified ? 'user.verify' : 'user.update',
          entityType: 'user',
          entityId: id,
          institutionId: after.institutionId,
          before: toUser(before),
          after: { ...toUser(after), ...(passwordHash ? { passwordChanged: true } : {}), ...(unlinked ? { identitiesUnlinked: unlinked } : {}) },
        });
        return toUser(after);
      });
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
