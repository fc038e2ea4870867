/**
 * Names of the exchange's enumerations, problem codes and quota lines in the page language.
 * The texts are in the catalogs; this file only picks them.
 */
import type { ApplicationStatus, DocumentType, Institution, MissingItem, NominationStatus, Quota } from '@exchange/shared';
import { m } from '$lib/paraglide/messages.js';
import { fieldMessage, problemMessage } from '$lib/problems';
import { institutionName } from '$lib/i18n';
import { mobilityTypeLabel } from '$lib/enum-labels';

export type Tone = 'ok' | 'warn' | 'neutral' | 'danger';

export const applicationStatusLabel: Record<ApplicationStatus, () => string> = {
  draft: m.app_status_draft,
  submitted: m.app_status_submitted,
  withdrawn: m.app_status_withdrawn,
  ineligible: m.app_status_ineligible,
  waitlisted: m.app_status_waitlisted,
  nominated: m.app_status_nominated,
  not_placed: m.app_status_not_placed,
  accepted: m.app_status_accepted,
  declined: m.app_status_declined,
  cancelled: m.app_status_cancelled,
};

export const applicationStatusTone: Record<ApplicationStatus, Tone> = {
  draft: 'neutral',
  submitted: 'warn',
  withdrawn: 'neutral',
  ineligible: 'danger',
  waitlisted: 'warn',
  nominated: 'warn',
  not_placed: 'danger',
  accepted: 'ok',
  declined: 'danger',
  cancelled: 'neutral',
};

export const nominationStatusLabel: Record<NominationStatus, () => string> = {
  pending: m.nom_status_pending,
  approved: m.nom_status_approved,
  rejected: m.nom_status_rejected,
  cancelled: m.nom_status_cancelled,
};

export const nominationStatusTone: Record<NominationStatus, Tone> = {
  pending: 'warn',
  approved: 'ok',
  rejected: 'danger',
  cancelled: 'neutral',
};

export const callStatusLabel: Record<string, () => string> = {
  draft: m.call_status_draft,
  published: m.call_status_published,
  cancelled: m.call_status_cancelled,
};

export const documentTypeLabel: Record<DocumentType, () => string> = {
  motivation_letter: m.doc_motivation_letter,
  transcript: m.doc_transcript,
  language_certificate: m.doc_language_certificate,
  passport_copy: m.doc_passport_copy,
  cv: m.doc_cv,
  reference_letter: m.doc_reference_letter,
};

export function missingLabel(missing: MissingItem): string {
  switch (missing.item) {
    case 'preferences':
      return m.missing_preferences();
    case 'motivation':
      return m.missing_motivation();
    case 'gpa':
      return m.missing_gpa();
    case 'document':
      return m.missing_document({ document: missing.documentType ? documentTypeLabel[missing.documentType]() : '' });
  }
}

const exchangeProblems: Record<string, () => string> = {
  call_closed: m.error_call_closed,
  already_applied: m.error_already_applied,
  account_not_verified: m.error_account_not_verified,
  file_too_large: m.error_file_too_large,
  unsupported_file_type: m.error_unsupported_file_type,
  unsupported_media_type: m.error_unsupported_file_type,
  file_type_mismatch: m.error_file_type_mismatch,
  invalid_file_name: m.error_invalid_file_name,
  empty_file: m.error_empty_file,
  invalid_upload: m.error_invalid_upload,
  cannot_withdraw: m.error_cannot_withdraw,
  not_reviewable: m.error_not_reviewable,
  too_many_preferences: m.error_too_many_preferences,
  preference_not_offered: m.error_preference_not_offered,
  invalid_quota_lines: m.error_invalid_quota_lines,
  call_has_applications: m.error_call_has_applications,
  invalid_window: m.error_invalid_window,
  call_not_closed: m.error_call_not_closed,
  allocation_stale: m.error_allocation_stale,
  quota_full: m.error_quota_full,
  already_nominated: m.error_already_nominated,
  not_nominable: m.error_not_nominable,
  line_not_offered: m.error_line_not_offered,
  stale_proposal: m.error_stale_proposal,
  already_decided: m.error_already_decided,
  not_cancellable: m.error_not_cancellable,
};

/** A problem code of the exchange API (or a general one) in the page language. */
export const exchangeProblem = (code: string) => exchangeProblems[code]?.() ?? problemMessage(code);

const exchangeFields: Record<string, () => string> = {
  gpa_invalid: m.field_gpa_invalid,
  latin_only: m.field_latin_only,
  certificate_incomplete: m.field_certificate_incomplete,
  too_many: m.field_too_many,
  title_required: m.field_title_required,
  before_opening: m.field_before_opening,
  not_offered: m.field_not_offered,
};

/** A field error code in the page language. */
export const exchangeField = (code: string | undefined) => (code ? (exchangeFields[code]?.() ?? fieldMessage(code)) : '');

/** "BUAS · Semester, 2026/2027": a quota line as a student chooses it. */
export function quotaLineLabel(quota: Pick<Quota, 'receivingInstitutionId' | 'mobilityType' | 'academicYear'>, institutions: ReadonlyMap<string, Institution>): string {
  const partner = institutions.get(quota.receivingInstitutionId);
  return m.quota_line_label({
    partner: partner ? institutionName(partner) : '—',
    type: mobilityTypeLabel[quota.mobilityType]?.() ?? quota.mobilityType,
    year: quota.academicYear,
  });
}

/** The direction of a line: "PSU → BUAS". */
export function directionLabel(from: string, to: string, institutions: ReadonlyMap<string, Institution>): string {
  return `${institutions.get(from)?.code ?? '—'} → ${institutions.get(to)?.code ?? '—'}`;
}
