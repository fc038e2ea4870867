/** The agreement, its plan of measures and its quota lines (cooperation conditions). */
import { z } from 'zod';
import { agreementStatuses, eqfLevels, languageLevels, languageScales, languages, mobilityTypes } from '../enums.js';
import { academicYear, calendarDate, id, listQuery, localizedText } from './common.js';
import { institution } from './institutions.js';
import { agreementDocument, planItem, planItemCreate } from './plan.js';

export const agreement = z.object({
  id,
  title: z.object({ ru: z.string(), zh: z.string(), en: z.string() }),
  parties: z.array(institution),
  signedOn: calendarDate.nullable(),
  validFrom: calendarDate,
  validTo: calendarDate,
  status: z.enum(agreementStatuses),
  plan: z.array(planItem),
  /** The signed PDF, once uploaded. */
  document: agreementDocument.nullable(),
  /** Days left until an active agreement ends, when 90 or fewer (0 on its last day); otherwise null. */
  expiresInDays: z.number().int().nullable(),
});
export type Agreement = z.infer<typeof agreement>;

/**
 * The agreements list. `endingWithinDays`: only active agreements whose last day is today or
 * within that many days (on the agreements' calendar), the soonest first, as `expiresInDays` counts.
 */
export const agreementListQuery = listQuery.extend({
  endingWithinDays: z.coerce.number().int().min(0).max(3660).optional(),
});

const validityInOrder = (value: { validFrom?: string | undefined; validTo?: string | undefined }) =>
  !value.validFrom || !value.validTo || value.validFrom <= value.validTo;

export const agreementCreate = z
  .strictObject({
    title: localizedText(300),
    partyIds: z
      .array(id)
      .min(2)
      .max(20)
      .refine((ids) => new Set(ids).size === ids.length, {
        message: 'Each party once',
      }),
    signedOn: calendarDate.nullable().default(null),
    validFrom: calendarDate,
    validTo: calendarDate,
    status: z.enum(agreementStatuses).default('draft'),
    plan: z.array(planItemCreate).max(200).default([]),
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
/** An agreement's quota lines: all of them, not a page. */
/** In the list, each line also tells the months its stays use (non-cancelled, as `countedMonths` counts them). */
export const quotaListItem = quota.extend({ monthsUsed: z.number().int() });
export type QuotaListItem = z.infer<typeof quotaListItem>;
export const quotaList = z.object({ items: z.array(quotaListItem) });

const quotaFields = {
  seats: z.number().int().min(0).max(10_000),
  totalMonths: z
    .number()
    .int()
    .min(1)
    .max(12 * 10_000)
    .nullable(),
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
