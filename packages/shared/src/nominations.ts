/** Nominations, allocation results and the flows report: shapes of the contract. */
import { z } from 'zod';
import { documentTypes, nominationStatuses } from './enums.js';
import { applicationDocument, exportLanguage, languageCertificate, writtenIn } from './applications.js';
import { academicYear, id, instant, listQuery, text } from './schemas/common.js';

const localizedString = z.object({ ru: z.string(), zh: z.string(), en: z.string() });

export const nominationStatus = z.enum(nominationStatuses);

/**
 * The nominee as a partner may see them: no passport number, no internal comments, no other
 * preferences; after a cancellation, only who it was (the application is no longer nominated to it).
 */
export const nominee = z.object({
  fullName: z.string(),
  fullNameLatin: z.string().nullable(),
  email: z.string(),
  homeInstitutionId: id,
  studyLevel: z.number().int().nullable(),
  fieldOfStudy: z.string().nullable(),
  gpa: z.number().nullable(),
  languageCertificates: z.array(languageCertificate),
  /** The home side sees the ranked list; a partner only its own line, without its rank. */
  preferences: z.array(z.object({ quotaId: id, rank: z.number().int().optional() })),
  motivation: z.string(),
});

export const nomination = z.object({
  id,
  applicationId: id,
  callId: id,
  callTitle: localizedString,
  quotaId: id,
  academicYear: z.string(),
  mobilityType: z.string(),
  sendingInstitutionId: id,
  receivingInstitutionId: id,
  proposalId: id,
  status: nominationStatus,
  /** The partner's reason for a rejection. */
  comment: z.string().nullable(),
  /** The language the partner wrote the reason in. */
  commentLocale: writtenIn,
  /** The sending office's note to the partner. */
  note: z.string().nullable(),
  createdAt: instant,
  decidedAt: instant.nullable(),
  student: nominee,
  documents: z.array(applicationDocument),
  /** Home side only. */
  passportNumber: z.string().nullable().optional(),
  /** Home side only: the home office's review. */
  review: z.object({ score: z.number().nullable(), comment: z.string().nullable(), commentLocale: writtenIn }).nullable().optional(),
});
export type Nomination = z.infer<typeof nomination>;

/** Document types a partner receives: never the passport copy. */
export const partnerDocumentTypes = documentTypes.filter((type) => type !== 'passport_copy');

export const nominationCreate = z.strictObject({ applicationId: id, quotaId: id });
export const nominationUpdate = z.strictObject({ note: text(2000).nullable() });
export const nominationApprove = z.strictObject({ proposalId: id });
/** How long after approving the partner may take the approval back (a misclick, the wrong row). */
export const approvalUndoMinutes = 10;
export const nominationReject = z.strictObject({
  proposalId: id,
  comment: text(2000).pipe(z.string().min(1, { message: 'Say why the nominee is rejected' })),
});
/** One approval of a bulk approval: its own status and problem code, the nomination when approved. */
export const bulkApproval = z.object({ id, status: z.number().int(), code: z.string().optional(), nomination: nomination.optional() });
export type BulkApproval = z.infer<typeof bulkApproval>;
export const bulkApprovalResult = z.object({ results: z.array(bulkApproval) });

export const nominationBulkApprove = z.strictObject({
  items: z
    .array(z.strictObject({ id, proposalId: id }))
    .min(1)
    .max(100),
});

export const nominationListQuery = listQuery.extend({
  direction: z.enum(['incoming', 'outgoing']).optional(),
  academicYear: academicYear.optional(),
  quotaId: id.optional(),
  status: nominationStatus.optional(),
  q: text(100).optional(),
});
export const nominationExportQuery = nominationListQuery.omit({ limit: true, offset: true }).extend(exportLanguage);

// ——— allocation ———

export const allocationOutcome = z.object({
  applicationId: id,
  student: z.object({ id, fullName: z.string() }),
  order: z.number().int(),
  score: z.number(),
  gpa: z.number(),
  placed: z.object({ quotaId: id, rank: z.number().int() }).nullable(),
  waitlist: z.array(z.object({ quotaId: id, rank: z.number().int(), position: z.number().int() })),
  reason: localizedString,
});

export const allocationResult = z.object({
  callId: id,
  /** Names the data the proposal was made from; confirming a changed situation is refused. */
  fingerprint: z.string(),
  computedAt: instant,
  /** Submitted but not yet reviewed: left out until reviewed. */
  unreviewed: z.number().int(),
  lines: z.array(z.object({ quotaId: id, receivingInstitutionId: id, freeSeats: z.number().int(), placed: z.number().int() })),
  outcomes: z.array(allocationOutcome),
});
export type AllocationResult = z.infer<typeof allocationResult>;

export const allocationConfirm = z.strictObject({ fingerprint: z.string().min(1).max(128) });
/** A confirmed allocation: the result it was confirmed on and the nominations it created. */
export const allocationConfirmed = allocationResult.extend({ nominationIds: z.array(id) });
export type AllocationConfirmed = z.infer<typeof allocationConfirmed>;

export const waitlistEntry = z.object({
  applicationId: id,
  student: z.object({ id, fullName: z.string() }),
  score: z.number().nullable(),
  gpa: z.number().nullable(),
  rank: z.number().int(),
});
export type WaitlistEntry = z.infer<typeof waitlistEntry>;
/** A call's waiting list, in the order seats are offered. */
export const waitlist = z.object({ items: z.array(waitlistEntry) });

// ——— flows ———

export const flows = z.object({
  academicYear: z.string(),
  directions: z.array(
    z.object({
      sendingInstitutionId: id,
      receivingInstitutionId: id,
      seats: z.number().int(),
      nominated: z.number().int(),
      approved: z.number().int(),
    }),
  ),
  /** Per pair of parties: approved exchanges each way, and their difference. */
  balances: z.array(z.object({ institutionAId: id, institutionBId: id, aToB: z.number().int(), bToA: z.number().int(), balance: z.number().int() })),
});
export type Flows = z.infer<typeof flows>;
export const flowsQuery = z.strictObject({ academicYear });
