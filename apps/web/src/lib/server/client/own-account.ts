/** One's own account: reset and invitation links, sessions, and signing in at an institution's identity provider. */
import {
  accountSessions,
  identityProvider,
  identityProviderAnswer,
  oidcStarted,
  passwordResetRequested,
  session,
  sessionsEnded,
  signInProviders,
  type AccountSessions,
  type IdentityProvider,
  type IdentityProviderUpdate,
  type OidcStarted,
  type Session,
  type SignInProvider,
} from '@exchange/shared';
import { segment, type Transport } from './transport.js';

export function createOwnAccountApi({ request }: Transport) {
  return {
    requestPasswordReset: (email: string): Promise<unknown> => request('POST', '/auth/password-reset', { body: { email }, schema: passwordResetRequested }),
    confirmPasswordReset: (token: string, password: string): Promise<void> => request('POST', '/auth/password-reset/confirm', { body: { token, password } }),
    acceptInvitation: (token: string, password: string): Promise<Session> =>
      request('POST', '/auth/invitation/accept', { body: { token, password }, schema: session }),
    changePassword: (currentPassword: string, newPassword: string): Promise<Session> =>
      request('POST', '/me/password', { body: { currentPassword, newPassword }, schema: session }),

    sessions: (): Promise<AccountSessions> => request('GET', '/me/sessions', { schema: accountSessions }),
    endSession: (id: string): Promise<void> => request('DELETE', `/me/sessions/${segment(id)}`),
    endOtherSessions: (): Promise<number> => request('POST', '/me/sessions/end-others', { schema: sessionsEnded }).then((answer) => answer.ended),

    signInProviders: (): Promise<SignInProvider[]> => request('GET', '/auth/oidc/providers', { schema: signInProviders }).then((answer) => answer.items),
    startOidc: (institutionId: string): Promise<OidcStarted> => request('POST', '/auth/oidc/start', { body: { institutionId }, schema: oidcStarted }),
    finishOidc: (query: string): Promise<Session> => request('POST', '/auth/oidc/callback', { body: { query }, schema: session }),

    identityProvider: (institutionId: string): Promise<IdentityProvider | null> =>
      request('GET', `/institutions/${segment(institutionId)}/identity-provider`, { schema: identityProviderAnswer }).then((answer) => answer.provider),
    saveIdentityProvider: (institutionId: string, body: IdentityProviderUpdate): Promise<IdentityProvider> =>
      request('PUT', `/institutions/${segment(institutionId)}/identity-provider`, { body, schema: identityProvider }),
  };
}
