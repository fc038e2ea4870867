/** Calls and applications: the shapes of the contract. */
import { z } from 'zod';
import { applicationStatuses, documentTypes, languages, locales, mobilityTypes } from './enums.js';
import { extraIdentityFields, identity } from './identity.js';
import { academicYear, calendarDate, id, instant, languageRequirement, listQuery, localizedText, page, quota, text } from './schemas/index.js';

const localizedOptional = (max: number) => z.strictObject({ ru: text(max), zh: text(max), en: text(max) });
const documentType = z.enum(documentTypes);
export const gpa = z.number().min(0).max(5).multipleOf(0.01);

export const callStatuses = ['draft', 'published', 'cancelled'] as const;
export type CallStatus = (typeof callStatuses)[number];

export const call = z.object({
  id,
  institutionId: id,
  title: z.object({ ru: z.string(), zh: z.string(), en: z.string() }),
  description: z.object({ ru: z.string(), zh: z.string(), en: z.string() }),
  academicYear: z.string(),
  mobilityType: z.enum(mobilityTypes),
  opensAt: instant,
  closesAt: instant,
  maxPreferences: z.number().int(),
  minGpa: z.number().nullable(),
  languageRequirement: languageRequirement.nullable(),
  requiredDocuments: z.array(documentType),
  /** Identity data this call asks for besides the name in Latin letters, passport, level and field. */
  requiredIdentity: z.array(z.enum(extraIdentityFields)),
  quotaIds: z.array(id),
  status: z.enum(callStatuses),
  /** Published and within its window now. */
  isOpen: z.boolean(),
  /** The lines offered, with seats; for the students choosing among them. */
  quotas: z.array(quota),
});
export type Call = z.infer<typeof call>;

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((values) => new Set(values.map(String)).size === values.length, { message: 'No duplicates' });

const windowInOrder = (value: { opensAt?: string | undefined; closesAt?: string | undefined }) =>
  !value.opensAt || !value.closesAt || new Date(value.opensAt) < new Date(value.closesAt);

export const callCreate = z
  .strictObject({
    /** Whose call it is: an administrator names it; a coordinator's calls are their own institution's. */
    institutionId: id.optional(),
    title: localizedText(300),
    description: localizedOptional(5000).default({ ru: '', zh: '', en: '' }),
    academicYear,
    mobilityType: z.enum(mobilityTypes),
    opensAt: instant,
    closesAt: instant,
    maxPreferences: z.number().int().min(1).max(5).default(3),
    minGpa: gpa.nullable().default(null),
    languageRequirement: languageRequirement.nullable().default(null),
    requiredDocuments: uniqueList(documentType, documentTypes.length).default([]),
    requiredIdentity: uniqueList(z.enum(extraIdentityFields), extraIdentityFields.length).default([]),
    quotaIds: uniqueList(id, 50).default([]),
    status: z.enum(['draft', 'published']).default('draft'),
  })
  .refine(windowInOrder, { message: 'The call must open before it closes', path: ['closesAt'] });
export type CallCreate = z.input<typeof callCreate>;

export const callUpdate = z
  .strictObject({
    title: localizedText(300).optional(),
    description: localizedOptional(5000).optional(),
    academicYear: academicYear.optional(),
    mobilityType: z.enum(mobilityTypes).optional(),
    opensAt: instant.optional(),
    closesAt: instant.optional(),
    maxPreferences: z.number().int().min(1).max(5).optional(),
    minGpa: gpa.nullable().optional(),
    languageRequirement: languageRequirement.nullable().optional(),
    requiredDocuments: uniqueList(documentType, documentTypes.length).optional(),
    requiredIdentity: uniqueList(z.enum(extraIdentityFields), extraIdentityFields.length).optional(),
    quotaIds: uniqueList(id, 50).optional(),
    status: z.enum(callStatuses).optional(),
  })
  .refine(windowInOrder, { message: 'The call must open before it closes', path: ['closesAt'] });
export type CallUpdate = z.input<typeof callUpdate>;

export const callListQuery = listQuery.extend({
  status: z.enum(callStatuses).optional(),
  open: z.enum(['true', 'false']).optional(),
  academicYear: academicYear.optional(),
});
export type CallListQuery = z.infer<typeof callListQuery>;

// ——— applications ———

export const languageCertificate = z.strictObject({
  language: z.enum(languages),
  /** IELTS, TOEFL, HSK, TORFL (ТРКИ), … */
  test: text(50).pipe(z.string().min(1, { message: 'Required' })),
  level: text(20).pipe(z.string().min(1, { message: 'Required' })),
  date: calendarDate,
});
export type LanguageCertificate = z.infer<typeof languageCertificate>;

export const preference = z.strictObject({ quotaId: id, rank: z.number().int().min(1).max(5) });

export const applicationUpdate = z.strictObject({
  fullNameLatin: identity.fullNameLatin.nullable().optional(),
  passportNumber: identity.passportNumber.nullable().optional(),
  passportExpiresOn: identity.passportExpiresOn.nullable().optional(),
  birthDate: identity.birthDate.nullable().optional(),
  citizenship: identity.citizenship.nullable().optional(),
  sex: identity.sex.nullable().optional(),
  studyLevel: identity.studyLevel.nullable().optional(),
  fieldOfStudy: identity.fieldOfStudy.nullable().optional(),
  preferences: z
    .array(preference)
    .max(5)
    .refine((list) => new Set(list.map((p) => p.quotaId)).size === list.length, { message: 'Each quota line once' })
    .refine((list) => new Set(list.map((p) => p.rank)).size === list.length, { message: 'Each rank once' })
    .optional(),
  motivation: text(5000).optional(),
  gpa: gpa.nullable().optional(),
  languageCertificates: z.array(languageCertificate).max(10).optional(),
});
export type ApplicationUpdate = z.input<typeof applicationUpdate>;

export const applicationStatus = z.enum(applicationStatuses);

export const applicationDocument = z.object({
  id,
  type: documentType,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedAt: instant,
});

/** The language a free text was written in (the writer's at the time); null when not known. */
export const writtenIn = z.enum(locales).nullable();

export const review = z.object({
  score: z.number().nullable(),
  eligible: z.boolean().nullable(),
  comment: z.string().nullable(),
  commentLocale: writtenIn,
  reviewedAt: instant.nullable(),
});

export const statusChange = z.object({
  from: applicationStatus.nullable(),
  to: applicationStatus,
  at: instant,
  note: z.string().nullable(),
  noteLocale: writtenIn,
});

export const application = z.object({
  id,
  callId: id,
  studentId: id,
  status: applicationStatus,
  preferences: z.array(z.object({ quotaId: id, rank: z.number().int() })),
  motivation: z.string(),
  fullNameLatin: z.string().nullable(),
  /** Only the home office and the student see it. */
  passportNumber: z.string().nullable(),
  passportExpiresOn: z.string().nullable(),
  birthDate: z.string().nullable(),
  /** ISO 3166 alpha-2. */
  citizenship: z.string().nullable(),
  /** ISO 5218: 0 not known, 1 male, 2 female, 9 not applicable. */
  sex: z.number().int().nullable(),
  studyLevel: z.number().int().nullable(),
  fieldOfStudy: z.string().nullable(),
  gpa: z.number().nullable(),
  languageCertificates: z.array(languageCertificate),
  documents: z.array(applicationDocument),
  /** Students see only what concerns them: eligibility and the reason when not eligible. */
  review: review.nullable(),
  submittedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
  student: z.object({ id, fullName: z.string(), email: z.string() }),
  call: z.object({
    id,
    title: z.object({ ru: z.string(), zh: z.string(), en: z.string() }),
    institutionId: id,
    closesAt: instant,
    maxPreferences: z.number().int(),
    requiredDocuments: z.array(documentType),
    requiredIdentity: z.array(z.enum(extraIdentityFields)),
  }),
  /** When the application took its current status: the last entry of its history, in lists too. */
  statusChangedAt: instant,
  /** The note of that change, if any (why it is ineligible, waitlisted, declined). */
  statusNote: z.string().nullable(),
  /** The language of that note. */
  statusNoteLocale: writtenIn,
  history: z.array(statusChange),
});
export type Application = z.infer<typeof application>;

/** A list's item: no passport, birth date, citizenship or sex (personal data stays on the dossier). */
export const applicationSummary = application.omit({
  history: true,
  motivation: true,
  languageCertificates: true,
  passportNumber: true,
  passportExpiresOn: true,
  birthDate: true,
  citizenship: true,
  sex: true,
});

export const applicationSortFields = ['submittedAt', 'score', 'gpa', 'name', 'status'] as const;

export const applicationListQuery = listQuery.extend({
  callId: id.optional(),
  status: applicationStatus.optional(),
  /** Applications with this quota line among their preferences. */
  quotaId: id.optional(),
  minScore: z.coerce.number().min(0).max(100).optional(),
  maxScore: z.coerce.number().min(0).max(100).optional(),
  /** `false`: not reviewed yet (the office's queue); `true`: reviewed. */
  reviewed: z.enum(['true', 'false']).optional(),
  q: text(100).optional(),
  sort: z.enum(applicationSortFields).default('submittedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});

/** Exports speak `lang` when given, else the language of the request's Accept-Language. */
export const exportLanguage = { lang: z.enum(locales).optional() };
export const applicationExportQuery = applicationListQuery.omit({ limit: true, offset: true }).extend(exportLanguage);

export const reviewBody = z
  .strictObject({
    score: z.number().min(0).max(100).multipleOf(0.01),
    eligible: z.boolean(),
    comment: text(2000).default(''),
  })
  .refine((value) => value.eligible || value.comment.length > 0, {
    message: 'Say why the application is not eligible',
    path: ['comment'],
  });
export type ReviewBody = z.input<typeof reviewBody>;

/** Accepted uploads: checked by content, not by name. */
export const documentMaxBytes = 10 * 1024 * 1024;
export const documentContentTypes = ['application/pdf', 'image/png', 'image/jpeg'] as const;

// ——— answers ———

/** A document of an application, as listed in its dossier and answered on upload. */
export type ApplicationDocument = z.infer<typeof applicationDocument>;
export type ApplicationSummary = z.infer<typeof applicationSummary>;

/** A page of applications with the number in each status under the same filter (for the status tabs). */
export const applicationPage = page(applicationSummary).extend({ counts: z.record(z.string(), z.number().int()) });
export type ApplicationPage = z.infer<typeof applicationPage>;
