/**
 * Names of the exchange's enumerations, problem codes and quota lines in the page language.
 * The texts are in the catalogs; this file only picks them.
 */
import type { ApplicationStatus, DocumentType, IdentityField, MissingItem, NominationStatus } from '@exchange/shared';
import { m } from '$lib/paraglide/messages.js';
import { languageLabel } from '$lib/enum-labels';

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

/** What happens next, for the statuses that have a next step (home and "my applications"). */
export const applicationNextStep: Partial<Record<ApplicationStatus, () => string>> = {
  draft: m.dash_next_draft,
  submitted: m.dash_next_submitted,
  nominated: m.dash_next_nominated,
  waitlisted: m.dash_next_waitlisted,
  declined: m.dash_next_declined,
  accepted: m.dash_next_accepted,
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
    case 'languageCertificate': {
      const language = languageLabel[missing.language]?.() ?? missing.language;
      return missing.scale && missing.level
        ? m.missing_language_certificate_level({ language, level: `${missing.scale} ${missing.level}` })
        : m.missing_language_certificate({ language });
    }
    default:
      return m.missing_field({ field: identityFieldLabel[missing.item]() });
  }
}

/** The editor's label of each identity field, also naming it in the list of what is missing. */
export const identityFieldLabel: Record<IdentityField, () => string> = {
  fullNameLatin: m.application_latin_name,
  passportNumber: m.application_passport,
  passportExpiresOn: m.application_passport_expires,
  birthDate: m.application_birth_date,
  citizenship: m.application_citizenship,
  sex: m.application_sex,
  studyLevel: m.application_level,
  fieldOfStudy: m.application_field,
};

/** ISO 5218 codes in words. */
export const sexLabel: Record<number, () => string> = { 0: m.sex_0, 1: m.sex_1, 2: m.sex_2, 9: m.sex_9 };
