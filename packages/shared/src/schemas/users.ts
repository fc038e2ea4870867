/** Accounts, sign-in, registration and the signed-in user's own settings. */
import { z } from 'zod';
import { locales, nominationMailModes, roles, userStatuses } from '../enums.js';
import { consentVersion } from '../consent.js';
import { passwordMaxLength } from '../passwords.js';
import { email, id, instant, listQuery, password, text } from './common.js';

export const role = z.enum(roles);
export const userStatus = z.enum(userStatuses);
export const locale = z.enum(locales);

export const user = z.object({
  id,
  email: z.string(),
  fullName: z.string(),
  role,
  institutionId: id.nullable(),
  status: userStatus,
  locale,
  /** How new incoming nominees reach a coordinator by e-mail: `daily` digest or `immediate`. */
  nominationMail: z.enum(nominationMailModes),
  /** False until an invited account sets its password: staff may send the invitation again. */
  passwordSet: z.boolean(),
  createdAt: instant,
});
export type User = z.infer<typeof user>;

export const fullName = text(200).pipe(z.string().min(1, { message: 'Required' }));

export const userCreate = z.strictObject({
  email,
  fullName,
  role,
  institutionId: id.nullable().default(null),
  status: userStatus.default('active'),
  locale: locale.default('en'),
  /** Without one, the account is created without a password and its owner is e-mailed an invitation to set it. */
  password: password.optional(),
});
export type UserCreate = z.input<typeof userCreate>;

export const userUpdate = z.strictObject({
  fullName: fullName.optional(),
  role: role.optional(),
  institutionId: id.nullable().optional(),
  status: userStatus.optional(),
  locale: locale.optional(),
  password: password.optional(),
});
export type UserUpdate = z.input<typeof userUpdate>;

export const userListQuery = listQuery.extend({
  status: userStatus.optional(),
  role: role.optional(),
  institutionId: id.optional(),
  q: text(100).optional(),
});
export type UserListQuery = z.infer<typeof userListQuery>;

export const loginBody = z.strictObject({
  email,
  // Sign-in does not apply the policy: an old password must still be typed to change it.
  password: z.string().min(1).max(passwordMaxLength),
});
export const session = z.object({ token: z.string(), expiresAt: instant, user });
export type Session = z.infer<typeof session>;

export { consentVersion } from '../consent.js';

export const registerBody = z.strictObject({
  email,
  password,
  fullName,
  institutionId: id,
  locale: locale.default('en'),
  consent: z.strictObject({ version: z.literal(consentVersion) }),
});
export type RegisterBody = z.input<typeof registerBody>;
/** The answer of a registration: the new (pending) account. */
export const registered = z.object({ user });

/** The signed-in user, with the consent they gave when registering (none for staff-made accounts). */
export const me = user.extend({
  /** The name in Latin letters, as on a passport; null until given. */
  fullNameLatin: z.string().nullable(),
  /** When the owner proved the e-mail address (an invitation accepted, a reset link used). */
  emailVerifiedAt: instant.nullable(),
  consent: z.object({ version: z.string(), givenAt: instant }).nullable(),
});
export type Me = z.infer<typeof me>;

/** A name in Latin letters as on a passport (letters, spaces, apostrophes, dots, hyphens): the profile's and the import's rule. */
export const isLatinName = (value: string) => /^\p{Script=Latin}[\p{Script=Latin} '.-]*$/u.test(value);

export const meUpdate = z.strictObject({
  fullName: fullName.optional(),
  /** Latin letters as on a passport; empty clears it. */
  fullNameLatin: text(200)
    .refine((value) => isLatinName(value) || value === '', { message: 'Latin letters only' })
    .transform((value) => value || null)
    .optional(),
  locale: locale.optional(),
  nominationMail: z.enum(nominationMailModes).optional(),
});
export type MeUpdate = z.input<typeof meUpdate>;

export const passwordChange = z.strictObject({
  currentPassword: z.string().min(1).max(passwordMaxLength),
  newPassword: password,
});
