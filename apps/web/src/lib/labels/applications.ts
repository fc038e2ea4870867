/**
 * Labels of applications and nominations in the page language: statuses with their tones,
 * the next step, documents, identity fields and what is missing. The status and document names
 * are `@exchange/shared`'s labels, which the exports share.
 */
import { documentTypeLabel, languageLabel, type ApplicationStatus, type IdentityField, type MissingItem, type NominationStatus } from '@exchange/shared';
import { m } from '@exchange/texts/messages';

export { applicationStatusLabel, callStatusLabel, documentTypeLabel, nominationStatusLabel, sexLabel } from '@exchange/shared';

export type Tone = 'ok' | 'warn' | 'neutral' | 'danger';

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

export const nominationStatusTone: Record<NominationStatus, Tone> = {
  pending: 'warn',
  approved: 'ok',
  rejected: 'danger',
  cancelled: 'neutral',
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
