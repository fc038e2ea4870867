/**
 * One's own account beyond the profile: password reset and invitation links, the sessions
 * signed in, and signing in at an institution's identity provider (OpenID Connect).
 */
import { z } from 'zod';
import { email, id, instant, password, text } from './common.js';

// ——— e-mailed single-use links ———

export const passwordResetRequest = z.strictObject({ email });
export type PasswordResetRequest = z.input<typeof passwordResetRequest>;
/** The one answer to a reset request, whether or not the address has an account. */
export const passwordResetRequested = z.object({ detail: z.string() });

/** The token of an e-mailed link: checked by the API, whose answer never says why it failed. */
const linkToken = z.string().min(1).max(200);

export const passwordResetConfirm = z.strictObject({ token: linkToken, password });
export type PasswordResetConfirm = z.input<typeof passwordResetConfirm>;

export const invitationAccept = z.strictObject({ token: linkToken, password });
export type InvitationAccept = z.input<typeof invitationAccept>;

// ——— sessions ———

export const accountSession = z.object({
  id,
  /** The session this request is made in. */
  current: z.boolean(),
  createdAt: instant,
  /** When it was last renewed, i.e. last seen in use; null until its first renewal. */
  refreshedAt: instant.nullable(),
  expiresAt: instant,
  userAgent: z.string().nullable(),
  /** The user agent read for people: "Firefox 128", "Windows 10"; null when unknown. */
  browser: z.string().nullable(),
  system: z.string().nullable(),
});
export type AccountSession = z.infer<typeof accountSession>;
export const accountSessions = z.object({ items: z.array(accountSession) });
export type AccountSessions = z.infer<typeof accountSessions>;
export const sessionsEnded = z.object({ ended: z.number().int() });
export type SessionsEnded = z.infer<typeof sessionsEnded>;

// ——— identity providers (OpenID Connect) ———

/** An institution's provider as its administrators see it: the client secret is never read back. */
export const identityProvider = z.object({
  institutionId: id,
  issuer: z.string(),
  clientId: z.string(),
  displayName: z.string(),
  enabled: z.boolean(),
  updatedAt: instant,
});
export type IdentityProvider = z.infer<typeof identityProvider>;
/** An institution's provider, or null when its people sign in with a password only. */
export const identityProviderAnswer = z.object({ provider: identityProvider.nullable() });

export const identityProviderUpdate = z.strictObject({
  issuer: z
    .string()
    .trim()
    .max(500)
    .pipe(z.url({ protocol: /^https?$/, message: 'An https:// address' })),
  clientId: text(200).pipe(z.string().min(1, { message: 'Required' })),
  /** Required the first time; left out, the stored secret stays. */
  clientSecret: z.string().min(1).max(500).optional(),
  displayName: text(100).pipe(z.string().min(1, { message: 'Required' })),
  enabled: z.boolean().default(true),
});
export type IdentityProviderUpdate = z.input<typeof identityProviderUpdate>;

/** What the sign-in page shows: a button per enabled provider. */
export const signInProvider = z.object({ institutionId: id, displayName: z.string() });
export type SignInProvider = z.infer<typeof signInProvider>;
export const signInProviders = z.object({ items: z.array(signInProvider) });

export const oidcStart = z.strictObject({ institutionId: id });
export type OidcStart = z.input<typeof oidcStart>;
/** Where to send the browser, and the state the web binds to that browser until it returns. */
export const oidcStarted = z.object({ authorizationUrl: z.string(), state: z.string() });
export type OidcStarted = z.infer<typeof oidcStarted>;

/** The provider's answer as it reached the web's callback page: its query string. */
export const oidcCallback = z.strictObject({ query: z.string().min(1).max(8000) });
export type OidcCallback = z.input<typeof oidcCallback>;
