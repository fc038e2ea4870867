/** Mobilities: the contract's shapes, from the partner's yes to the student's return. */
import { z } from 'zod';
import { mobilityTypes } from '../enums.js';
import { checklistItemStatuses, checklistOwners, fundingSources, letterKinds, mobilityStatuses } from '../mobility-rules.js';
import { academicYear, calendarDate, id, instant, listQuery, page, text } from './common.js';
import { learningAgreementSummary } from './learning-agreements.js';

const localizedString = z.object({ ru: z.string(), zh: z.string(), en: z.string() });

export const mobilityStatus = z.enum(mobilityStatuses);

export const funding = z.strictObject({
  source: z.enum(fundingSources),
  monthlyAmount: z.number().nonnegative().max(1_000_000).multipleOf(0.01),
  currency: z.string().regex(/^[A-Z]{3}$/, { message: 'An ISO 4217 code, such as CNY or RUB' }),
});

/**
 * What the border needs of the student. The home side and the student always see it; the host
 * only once the mobility exists, and each of its reads is in the audit log.
 */
export const borderIdentity = z.object({
  fullName: z.string(),
  fullNameLatin: z.string().nullable(),
  birthDate: z.string().nullable(),
  citizenship: z.string().nullable(),
  sex: z.number().int().nullable(),
  passportNumber: z.string().nullable(),
  passportExpiresOn: z.string().nullable(),
});

export const checklistItem = z.object({
  id,
  key: z.string(),
  title: localizedString,
  owner: z.enum(checklistOwners),
  dueOn: z.string().nullable(),
  status: z.enum(checklistItemStatuses),
  note: z.string().nullable(),
  documentId: id.nullable(),
  requiresProof: z.boolean(),
  overdue: z.boolean(),
});

export const letter = z.object({ id, kind: z.enum(letterKinds), code: z.string(), issuedAt: instant, revokedAt: instant.nullable() });

export const mobility = z.object({
  id,
  nominationId: id,
  applicationId: id,
  studentId: id,
  quotaId: id,
  sendingInstitutionId: id,
  receivingInstitutionId: id,
  academicYear: z.string(),
  mobilityType: z.enum(mobilityTypes),
  callTitle: localizedString,
  status: mobilityStatus,
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  arrivedOn: z.string().nullable(),
  departedOn: z.string().nullable(),
  interrupted: z.boolean(),
  interruptionReason: z.string().nullable(),
  /** The programme the host admits the student to, as the letter names it. */
  programme: z.string().nullable(),
  funding: funding.nullable(),
  months: z.number().int(),
  /** Changes whenever the mobility changes: send it back to act on what you saw. */
  version: z.number().int(),
  student: borderIdentity,
  checklist: z.array(checklistItem),
  letters: z.array(letter),
  learningAgreement: learningAgreementSummary,
  createdAt: instant,
  updatedAt: instant,
});
export type Mobility = z.infer<typeof mobility>;

export const mobilitySummary = mobility.omit({ checklist: true, letters: true, student: true, learningAgreement: true }).extend({
  student: borderIdentity.pick({ fullName: true, fullNameLatin: true }),
  /** Open checklist steps past their due date. */
  overdue: z.number().int(),
  /** The keys of the open steps (`visa`, `police-registration`...), so a list can tell the stage without the checklist. */
  openSteps: z.array(z.string()),
  /** The next open step, if any. */
  next: z.object({ title: localizedString, dueOn: z.string().nullable(), owner: z.enum(checklistOwners) }).nullable(),
});
export type MobilitySummary = z.infer<typeof mobilitySummary>;

export const mobilityList = page(mobilitySummary);

export const mobilityListQuery = listQuery.extend({
  direction: z.enum(['incoming', 'outgoing']).optional(),
  status: mobilityStatus.optional(),
  academicYear: academicYear.optional(),
});

/**
 * Acting on a mobility: the version the actor saw. Every change also locks the row, so two offices
 * never lose each other's change; with a version, a change made on a stale view is refused (409).
 */
const versioned = { version: z.number().int().min(0).optional() };

export const admissionRequest = z
  .strictObject({
    ...versioned,
    plannedStart: calendarDate,
    plannedEnd: calendarDate,
    programme: text(300).pipe(z.string().min(1, { message: 'Name the programme the student is admitted to' })),
    /** Documents the host asks for at admission (a health certificate, a photo): added to the checklist. */
    requestedDocuments: z
      .array(text(200).pipe(z.string().min(1)))
      .max(10)
      .default([]),
  })
  .refine((value) => value.plannedEnd > value.plannedStart, { message: 'The end comes after the start', path: ['plannedEnd'] });

export const arrivalRequest = z.strictObject({ ...versioned, date: calendarDate });
export const departureRequest = z
  .strictObject({ ...versioned, date: calendarDate, interrupted: z.boolean().default(false), reason: text(2000).nullable().default(null) })
  .refine((value) => !value.interrupted || Boolean(value.reason), { message: 'Say why the stay was interrupted', path: ['reason'] });
export const cancelRequest = z.strictObject({ ...versioned, reason: text(2000).pipe(z.string().min(1, { message: 'Say why the mobility is cancelled' })) });
export const fundingRequest = z.strictObject({ ...versioned, funding: funding.nullable() });

export const checklistItemUpdate = z
  .strictObject({ status: z.enum(checklistItemStatuses), note: text(2000).nullable().default(null), documentId: id.nullable().optional() })
  .refine((value) => value.status !== 'waived' || Boolean(value.note), { message: 'Say why the step is waived', path: ['note'] });

export const letterVerification = z.object({
  code: z.string(),
  status: z.enum(['valid', 'revoked', 'unknown']),
  kind: z.enum(letterKinds).optional(),
  fullNameLatin: z.string().nullable().optional(),
  sendingInstitution: localizedString.optional(),
  receivingInstitution: localizedString.optional(),
  plannedStart: z.string().optional(),
  plannedEnd: z.string().optional(),
  issuedAt: instant.optional(),
  revokedAt: instant.nullable().optional(),
});
export type LetterVerification = z.infer<typeof letterVerification>;
