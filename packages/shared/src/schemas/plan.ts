/**
 * The agreement's plan of measures: its items, what the responsible institution reports on
 * them (status, note, evidence files), their history and the progress per party and year.
 */
import { z } from 'zod';
import { locales, planItemStatuses } from '../enums.js';
import { calendarDate, id, instant, localizedText, text } from './common.js';

const localized = z.object({ ru: z.string(), zh: z.string(), en: z.string() });

export const planItem = z.object({
  id,
  title: localized,
  deadline: calendarDate.nullable(),
  responsibleInstitutionId: id.nullable(),
  status: z.enum(planItemStatuses),
  /** The responsible coordinator's word on the latest status, in the language it was written in. */
  note: z.string().nullable(),
  noteLocale: z.enum(locales).nullable(),
  updatedAt: instant,
  /** The deadline has passed (the responsible institution's calendar) and the item is still planned or in progress. */
  overdue: z.boolean(),
});
export type PlanItem = z.infer<typeof planItem>;

export const planEvidence = z.object({
  id,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedAt: instant,
  uploadedBy: z.object({ id, name: z.string() }).nullable(),
});
export type PlanEvidence = z.infer<typeof planEvidence>;

/** One item with its evidence, and what the reader may do with it. */
export const planItemDetail = z.object({
  agreementId: id,
  item: planItem,
  evidence: z.array(planEvidence),
  /** The reader is an administrator or a coordinator of the responsible institution. */
  canReport: z.boolean(),
});
export type PlanItemDetail = z.infer<typeof planItemDetail>;

export const planItemHistoryEntry = z.object({
  at: instant,
  by: z.object({ id: id.nullable(), name: z.string() }).nullable(),
  action: z.string(),
  /** Each field that changed, as it was and as it became (evidence: the file's name). */
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
});
export const planItemHistory = z.object({ items: z.array(planItemHistoryEntry) });
export type PlanItemHistoryEntry = z.infer<typeof planItemHistoryEntry>;

const note = text(2000).nullable();

export const planItemCreate = z.strictObject({
  title: localizedText(300),
  deadline: calendarDate.nullable().default(null),
  responsibleInstitutionId: id.nullable().default(null),
  status: z.enum(planItemStatuses).default('planned'),
});
export type PlanItemCreate = z.input<typeof planItemCreate>;

/**
 * Administrators change any field; the responsible institution's coordinator only `status`
 * and `note`. `locale`: the language the note is written in (the page's); the writer's
 * account language when left out.
 */
export const planItemUpdate = z
  .strictObject({
    title: localizedText(300).optional(),
    deadline: calendarDate.nullable().optional(),
    responsibleInstitutionId: id.nullable().optional(),
    status: z.enum(planItemStatuses).optional(),
    note: note.optional(),
    locale: z.enum(locales).optional(),
  })
  .refine((value) => Object.keys(value).some((key) => key !== 'locale'), { message: 'Change at least one field' });
export type PlanItemUpdate = z.input<typeof planItemUpdate>;

export const planOrder = z.strictObject({
  itemIds: z
    .array(id)
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'Each item once' }),
});
export type PlanOrder = z.input<typeof planOrder>;
export const planItemList = z.object({ items: z.array(planItem) });

export const planItemParams = z.strictObject({ id, itemId: id });
export const planEvidenceParams = z.strictObject({ id, itemId: id, evidenceId: id });

const statusCounts = z.object({ planned: z.number().int(), in_progress: z.number().int(), done: z.number().int(), cancelled: z.number().int() });
/** Counts by status, and how many of them are overdue. */
export const planCounts = z.object({ counts: statusCounts, overdue: z.number().int(), total: z.number().int() });
export type PlanCounts = z.infer<typeof planCounts>;
export const planProgress = z.object({
  byParty: z.array(planCounts.extend({ institutionId: id.nullable() })),
  /** By the year of the deadline; `null` for items without one. */
  byYear: z.array(planCounts.extend({ year: z.number().int().nullable() })),
  all: planCounts,
});
export type PlanProgress = z.infer<typeof planProgress>;

export const planExportQuery = z.strictObject({ lang: z.enum(locales).optional() });

/** The signed agreement's PDF, as stored. */
export const agreementDocument = z.object({
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: instant,
});
export type AgreementDocument = z.infer<typeof agreementDocument>;
