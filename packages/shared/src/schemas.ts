/**
 * The REST contract's shapes, defined once: the API validates requests and shapes responses
 * with them (and derives the OpenAPI document from them); the web validates forms with them.
 */
import { z } from 'zod';
import { isAcademicYear } from './academic-year.js';
import {
  agreementStatuses,
  eqfLevels,
  languageLevels,
  languageScales,
  languages,
  locales,
  mobilityTypes,
  nominationMailModes,
  planItemStatuses,
  roles,
  userStatuses,
} from './enums.js';
import { passwordMaxLength, passwordMinLength, passwordProblem } from './passwords.js';

export const id = z.uuid();
export const idParams = z.strictObject({ id: z.uuid() });
export const instant = z.iso.datetime({ offset: true });
export const calendarDate = z.iso.date();

/** Free text a person types: trimmed, without control characters that break rendering. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), {
      message: 'Contains control characters',
    });

export const localizedText = (max: number) =>
  z
    .strictObject({ ru: text(max), zh: text(max), en: text(max) })
    .refine((value) => Boolean(value.ru || value.zh || value.en), {
      message: 'Give the text in at least one language',
    });

export const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Not a valid e-mail address' }))
  .transform((value) => value.toLowerCase());

export const password = z
  .string()
  .min(passwordMinLength, { message: `At least ${passwordMinLength} characters` })
  .max(passwordMaxLength, { message: `At most ${passwordMaxLength} characters` })
  .refine((value) => passwordProblem(value) !== 'too_common', {
    message: 'This password is among the most common ones; choose another',
  });

export const academicYear = z
  .string()
  .refine(isAcademicYear, { message: 'An academic year looks like 2025/2026' });

// ——— errors and lists ———

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z
    .array(z.object({ path: z.string(), code: z.string(), message: z.string() }))
    .optional(),
  /** `application_incomplete`: what the application still lacks (`MissingItem` of submission.ts). */
  missing: z
    .array(z.object({ item: z.string(), documentType: z.string().optional(), language: z.string().optional(), scale: z.string().optional(), level: z.string().optional() }))
    .optional(),
});
export type Problem = z.infer<typeof problem>;

export const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
export type Page<T> = { items: T[]; total: number; limit: number; offset: number };

// ——— institutions ———

export const institution = z.object({
  id,
  code: z.string(),
  name: z.object({ ru: z.string(), zh: z.string(), en: z.string() }),
  city: z.string(),
  country: z.string(),
  timeZone: z.string(),
});
export type Institution = z.infer<typeof institution>;

// ——— users and sign-in ———

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
  password,
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

export const loginBody = z.strictObject({
  email,
  // Sign-in does not apply the policy: an old password must still be typed to change it.
  password: z.string().min(1).max(passwordMaxLength),
});
export const session = z.object({ token: z.string(), expiresAt: instant, user });
export type Session = z.infer<typeof session>;

/**
 * The version of the consent to the processing of personal data (152-ФЗ, PIPL) that
 * registration asks for. A new text gets a new version; the registration form shows the text.
 */
export const consentVersion = '2026-12-01';

export const registerBody = z.strictObject({
  email,
  password,
  fullName,
  institutionId: id,
  locale: locale.default('en'),
  consent: z.strictObject({ version: z.literal(consentVersion) }),
});
export type RegisterBody = z.input<typeof registerBody>;

/** The signed-in user, with the consent they gave when registering (none for staff-made accounts). */
export const me = user.extend({
  consent: z.object({ version: z.string(), givenAt: instant }).nullable(),
});
export type Me = z.infer<typeof me>;

export const meUpdate = z.strictObject({
  fullName: fullName.optional(),
  locale: locale.optional(),
  nominationMail: z.enum(nominationMailModes).optional(),
});

export const passwordChange = z.strictObject({
  currentPassword: z.string().min(1).max(passwordMaxLength),
  newPassword: password,
});

// ——— agreements and quotas ———

export const planItem = z.object({
  id,
  title: z.object({ ru: z.string(), zh: z.string(), en: z.string() }),
  deadline: calendarDate.nullable(),
  responsibleInstitutionId: id.nullable(),
  status: z.enum(planItemStatuses),
});

export const agreement = z.object({
  id,
  title: z.object({ ru: z.string(), zh: z.string(), en: z.string() }),
  parties: z.array(institution),
  signedOn: calendarDate.nullable(),
  validFrom: calendarDate,
  validTo: calendarDate,
  status: z.enum(agreementStatuses),
  plan: z.array(planItem),
});
export type Agreement = z.infer<typeof agreement>;

const planItemInput = z.strictObject({
  title: localizedText(300),
  deadline: calendarDate.nullable().default(null),
  responsibleInstitutionId: id.nullable().default(null),
  status: z.enum(planItemStatuses).default('planned'),
});

const validityInOrder = (value: { validFrom?: string | undefined; validTo?: string | undefined }) =>
  !value.validFrom || !value.validTo || value.validFrom <= value.validTo;

export const agreementCreate = z
  .strictObject({
    title: localizedText(300),
    partyIds: z.array(id).min(2).max(20).refine((ids) => new Set(ids).size === ids.length, {
      message: 'Each party once',
    }),
    signedOn: calendarDate.nullable().default(null),
    validFrom: calendarDate,
    validTo: calendarDate,
    status: z.enum(agreementStatuses).default('draft'),
    plan: z.array(planItemInput).max(200).default([]),
  })
  .refine(validityInOrder, { message: 'The agreement must start before it ends', path: ['validTo'] });
export type AgreementCreate = z.input<typeof agreementCreate>;

export const agreementUpdate = z
  .strictObject({
    title: localizedText(300).optional(),
    signedOn: calendarDate.nullable().optional(),
    validFrom: calendarDate.optional(),
    validTo: calendarDate.optional(),
    status: z.enum(agreementStatuses).optional(),
    /** Replaces the whole plan of measures. */
    plan: z.array(planItemInput).max(200).optional(),
  })
  .refine(validityInOrder, { message: 'The agreement must start before it ends', path: ['validTo'] });
export type AgreementUpdate = z.input<typeof agreementUpdate>;

export const languageRequirement = z
  .strictObject({
    language: z.enum(languages),
    scale: z.enum(languageScales),
    level: z.string(),
  })
  .refine((value) => (languageLevels[value.scale] as readonly string[]).includes(value.level), {
    message: 'This level does not exist on that scale',
    path: ['level'],
  });
export type LanguageRequirement = z.infer<typeof languageRequirement>;

export const mobilityType = z.enum(mobilityTypes);
export const eqfLevel = z.union(eqfLevels.map((level) => z.literal(level)));
export const iscedCode = z.string().regex(/^\d{4}$/, { message: 'An ISCED-F code has 4 digits' });

export const quota = z.object({
  id,
  agreementId: id,
  sendingInstitutionId: id,
  receivingInstitutionId: id,
  academicYear: z.string(),
  mobilityType,
  eqfLevels: z.array(z.number().int()),
  iscedCodes: z.array(z.string()),
  seats: z.number().int(),
  totalMonths: z.number().int().nullable(),
  languageRequirement: languageRequirement.nullable(),
  used: z.number().int(),
  remaining: z.number().int(),
});
export type Quota = z.infer<typeof quota>;

const quotaFields = {
  seats: z.number().int().min(0).max(10_000),
  totalMonths: z.number().int().min(1).max(12 * 10_000).nullable(),
  eqfLevels: z.array(eqfLevel).min(1).max(3),
  iscedCodes: z.array(iscedCode).max(20),
  languageRequirement: languageRequirement.nullable(),
};

export const quotaCreate = z
  .strictObject({
    agreementId: id,
    sendingInstitutionId: id,
    receivingInstitutionId: id,
    academicYear,
    mobilityType,
    seats: quotaFields.seats,
    totalMonths: quotaFields.totalMonths.default(null),
    eqfLevels: quotaFields.eqfLevels,
    iscedCodes: quotaFields.iscedCodes.default([]),
    languageRequirement: quotaFields.languageRequirement.default(null),
  })
  .refine((value) => value.sendingInstitutionId !== value.receivingInstitutionId, {
    message: 'The sending and receiving institutions must differ',
    path: ['receivingInstitutionId'],
  });
export type QuotaCreate = z.input<typeof quotaCreate>;

export const quotaUpdate = z.strictObject({
  seats: quotaFields.seats.optional(),
  totalMonths: quotaFields.totalMonths.optional(),
  eqfLevels: quotaFields.eqfLevels.optional(),
  iscedCodes: quotaFields.iscedCodes.optional(),
  languageRequirement: quotaFields.languageRequirement.optional(),
});
export type QuotaUpdate = z.input<typeof quotaUpdate>;

export const quotaListQuery = z.strictObject({ academicYear: academicYear.optional() });

// ——— audit ———

export const auditEntry = z.object({
  id,
  at: instant,
  actorId: id.nullable(),
  actorEmail: z.string().nullable(),
  institutionId: id.nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditListQuery = listQuery.extend({
  entityType: text(50).optional(),
  entityId: text(64).optional(),
  actorId: id.optional(),
});

// ——— notifications ———

export const notification = z.object({
  id,
  kind: z.string(),
  params: z.record(z.string(), z.unknown()),
  createdAt: instant,
  readAt: instant.nullable(),
});
export type Notification = z.infer<typeof notification>;
