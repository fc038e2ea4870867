import * as oidc from 'openid-client';
import type { Database, users } from '@exchange/db';
import type { Actor } from '@exchange/shared';
import { AppError, notFound } from '../../errors.js';
import { writeAudit } from '../../lib/audit.js';
import { endAccountTokens } from '../../lib/account-tokens.js';
import { createSession, revokeAccountAccess } from '../../lib/sessions.js';
import { toUser } from '../../lib/shapes.js';
import { isAllowedIssuer } from './identity-providers.service.js';
import {
  claimUnprovenAccount,
  consumeSignIn,
  findIdentity,
  findMemberByEmail,
  findProvider,
  findUser,
  insertSignIn,
  linkIdentity,
  type ProviderRow,
} from './single-sign-on.repository.js';

/** How long a browser may take at the provider between the redirect and the callback. */
export const signInMinutes = 10;
/** The web page the provider sends the browser back to; register `<ORIGIN>` + this at the provider. */
export const callbackPath = '/login/oidc/callback';

type Deps = {
  db: Database;
  /** The web's public address: the redirect URI is built on it. */
  origin: string;
  issueToken(user: { id: string; role: Actor['role'] }, sessionId: string): Promise<{ token: string; expiresAt: Date }>;
  log: { warn(object: object, message: string): void };
};
type Caller = { requestId: string; clientAddress: string; userAgent?: string | undefined };
type UserRow = typeof users.$inferSelect;

/** Every failure of the protocol (unknown or used state, a refused code, a bad ID token) is answered alike. */
const refused = () => new AppError(400, 'sign_in_refused', 'The sign-in could not be completed. Start again from the sign-in page.');
const unavailable = () => new AppError(503, 'provider_unavailable', 'The institution’s sign-in service did not answer. Try again later.');

export function createOidcSignInService({ db, origin, issueToken, log }: Deps) {
  const redirectUri = new URL(callbackPath, origin).href;

  // The provider's metadata, read once per configuration and instance; the sign-ins themselves live in the database.
  const configurations = new Map<string, { at: number; configuration: Promise<oidc.Configuration> }>();
  function configurationOf(provider: ProviderRow) {
    const key = `${provider.institutionId} ${provider.updatedAt.toISOString()}`;
    const cached = configurations.get(key);
    if (cached && Date.now() - cached.at < 10 * 60_000) return cached.configuration;
    const insecure = new URL(provider.issuer).protocol === 'http:' && isAllowedIssuer(provider.issuer);
    const configuration = oidc.discovery(new URL(provider.issuer), provider.clientId, provider.clientSecret, undefined, {
      execute: insecure ? [oidc.allowInsecureRequests] : [],
      timeout: 10,
    });
    configurations.set(key, { at: Date.now(), configuration });
    configuration.catch(() => configurations.delete(key));
    return configuration;
  }

  async function enabledProvider(institutionId: string) {
    const provider = await findProvider(db, institutionId);
    if (!provider?.enabled) throw notFound('identity provider');
    return provider;
  }

  /** The account this identity opens: linked before, or matched now by verified e-mail within the institution. */
  async function accountOf(provider: ProviderRow, claims: oidc.IDToken, caller: Caller) {
    return db.transaction(async (tx) => {
      const known = await findIdentity(tx, claims.iss, claims.sub);
      // An identity counts only while its account belongs to the provider's institution.
      if (known) {
        const user = (await findUser(tx, known.userId))!;
        if (user.institutionId !== provider.institutionId) throw refused();
        return user;
      }
      if (claims.email_verified !== true || typeof claims.email !== 'string') {
        throw new AppError(403, 'email_not_verified', 'Your institution has not confirmed the e-mail address of your account. Ask your international office.');
      }
      const member = await findMemberByEmail(tx, provider.institutionId, claims.email);
      if (!member) {
        throw new AppError(403, 'no_matching_account', 'No account here matches your institution’s account. Ask your international office.');
      }
      if (member.status !== 'active') return member; // refused below, linking nothing
      if (!(await linkIdentity(tx, { issuer: claims.iss, subject: claims.sub, userId: member.id, institutionId: provider.institutionId }))) {
        // The account is linked to another identity at this provider already.
        throw new AppError(403, 'no_matching_account', 'No account here matches your institution’s account. Ask your international office.');
      }
      const context = { actor: { id: member.id, email: member.email, role: member.role, institutionId: member.institutionId }, requestId: caller.requestId };
      const audited = { entityType: 'user', entityId: member.id, institutionId: member.institutionId };
      await writeAudit(tx, context, { ...audited, action: 'user.identity_link', after: { issuer: claims.iss, subject: claims.sub } });
      if (member.emailVerifiedAt) return member;
      // Nobody had proven this address: whoever registered it may not own it. The provider just
      // proved it, so the owner takes the account over, and every other way in ends.
      const claimed = await claimUnprovenAccount(tx, member.id);
      if (!claimed) return (await findUser(tx, member.id))!;
      await revokeAccountAccess(tx, member.id);
      await endAccountTokens(tx, member.id);
      await writeAudit(tx, context, {
        ...audited,
        action: 'user.email_verify',
        before: { emailVerifiedAt: null, passwordSet: member.passwordHash !== null },
        after: { emailVerifiedAt: claimed.emailVerifiedAt, passwordSet: false, method: 'oidc', issuer: claims.iss },
      });
      return claimed;
    });
  }

  async function signIn(user: UserRow, provider: ProviderRow, caller: Caller) {
    if (user.status === 'pending') throw new AppError(403, 'account_pending', 'Your account awaits verification by your international office.');
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
          after: { clientAddress: caller.clientAddress, method: 'oidc', issuer: provider.issuer },
        },
      );
      return created;
    });
    const { token, expiresAt } = await issueToken(user, session.id);
    return { token, expiresAt: expiresAt.toISOString(), user: toUser(user) };
  }

  return {
    /** Where to send the browser: the provider's authorization endpoint with a new state, nonce and PKCE challenge. */
    async start(institutionId: string) {
      const provider = await enabledProvider(institutionId);
      const configuration = await configurationOf(provider).catch((error: unknown) => {
        log.warn({ issuer: provider.issuer, error: String(error) }, 'OpenID provider discovery failed');
        throw unavailable();
      });
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      await insertSignIn(db, { state, institutionId, nonce, codeVerifier, redirectUri }, signInMinutes);
      const authorizationUrl = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      return { authorizationUrl: authorizationUrl.href, state };
    },

    /** Redeems the provider's answer once, checks the ID token, and signs its account in. */
    async finish(query: string, caller: Caller) {
      const parameters = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
      const state = parameters.get('state');
      const pending = state ? await consumeSignIn(db, state) : undefined;
      if (!pending) throw refused();
      const provider = await enabledProvider(pending.institutionId).catch(() => {
        throw refused();
      });
      const configuration = await configurationOf(provider).catch(() => {
        throw unavailable();
      });
      const currentUrl = new URL(pending.redirectUri);
      currentUrl.search = parameters.toString();
      let claims: oidc.IDToken | undefined;
      try {
        const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
        // Providers that keep the e-mail out of the ID token give it at the userinfo endpoint, for the same subject.
        if (claims && claims.email === undefined) {
          const info = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
          claims = { ...claims, email: info.email, email_verified: info.email_verified };
        }
      } catch (error) {
        log.warn({ issuer: provider.issuer, error: String(error) }, 'OpenID sign-in refused');
        throw refused();
      }
      if (!claims) throw refused();
      const user = await accountOf(provider, claims, caller);
      return signIn(user, provider, caller);
    },
  };
}
export type OidcSignInService = ReturnType<typeof createOidcSignInService>;
