/**
 * Names of the contract's enumeration values, the one mapping of a value to its text in
 * packages/texts/messages/<locale>/labels.json. Pages call a label without a locale and get
 * the page language; the API's exports pass the export's locale: `applicationStatusLabel.draft({}, { locale })`.
 */
import * as m from '@exchange/texts/labels';
import type {
  AgreementStatus,
  ApplicationStatus,
  DocumentType,
  EventStatus,
  Language,
  Locale,
  MobilityType,
  NominationStatus,
  PlanItemStatus,
  RegistrationStatus,
  Role,
  UserStatus,
} from './enums.js';

export type Label = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

export const applicationStatusLabel: Record<ApplicationStatus, Label> = {
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

export const nominationStatusLabel: Record<NominationStatus, Label> = {
  pending: m.nom_status_pending,
  approved: m.nom_status_approved,
  rejected: m.nom_status_rejected,
  cancelled: m.nom_status_cancelled,
};

export const callStatusLabel: Record<string, Label> = {
  draft: m.call_status_draft,
  published: m.call_status_published,
  cancelled: m.call_status_cancelled,
};

export const eventStatusLabel: Record<EventStatus, Label> = {
  draft: m.event_status_draft,
  published: m.event_status_published,
  cancelled: m.event_status_cancelled,
};

export const registrationStatusLabel: Record<RegistrationStatus, Label> = {
  confirmed: m.registration_status_confirmed,
  waitlisted: m.registration_status_waitlisted,
  cancelled: m.registration_status_cancelled,
};

export const userStatusLabel: Record<UserStatus, Label> = {
  pending: m.user_status_pending,
  active: m.user_status_active,
  disabled: m.user_status_disabled,
};

export const roleLabel: Record<Role, Label> = {
  student: m.role_student,
  coordinator: m.role_coordinator,
  reviewer: m.role_reviewer,
  admin: m.role_admin,
};

export const agreementStatusLabel: Record<AgreementStatus, Label> = {
  draft: m.agreement_status_draft,
  active: m.agreement_status_active,
  expired: m.agreement_status_expired,
  terminated: m.agreement_status_terminated,
};

export const planStatusLabel: Record<PlanItemStatus, Label> = {
  planned: m.plan_status_planned,
  in_progress: m.plan_status_in_progress,
  done: m.plan_status_done,
  cancelled: m.plan_status_cancelled,
};

export const mobilityTypeLabel: Record<MobilityType, Label> = {
  semester: m.mobility_semester,
  academic_year: m.mobility_academic_year,
  summer_school: m.mobility_summer_school,
  language_course: m.mobility_language_course,
  short_term: m.mobility_short_term,
};

export const documentTypeLabel: Record<DocumentType, Label> = {
  motivation_letter: m.doc_motivation_letter,
  transcript: m.doc_transcript,
  language_certificate: m.doc_language_certificate,
  passport_copy: m.doc_passport_copy,
  cv: m.doc_cv,
  reference_letter: m.doc_reference_letter,
};

/** A language as a subject: of instruction, of a certificate ("Russian", "Русский", "俄语"). */
export const languageLabel: Record<Language, Label> = {
  ru: m.instruction_language_ru,
  zh: m.instruction_language_zh,
  en: m.instruction_language_en,
};

/** A working language by its own name, for the language switcher. */
export const localeNames: Record<Locale, Label> = {
  en: m.language_en,
  ru: m.language_ru,
  zh: m.language_zh,
};

/** ISO 5218 codes in words. */
export const sexLabel: Record<number, Label> = { 0: m.sex_0, 1: m.sex_1, 2: m.sex_2, 9: m.sex_9 };

const eqfLabels: Record<number, Label> = { 6: m.eqf_6, 7: m.eqf_7, 8: m.eqf_8 };

/** A level of study by its EQF number ("Master (EQF 7)"); an unknown level as its number. */
export const eqfLevelLabel = (level: number, locale?: Locale) => eqfLabels[level]?.({}, locale ? { locale } : {}) ?? String(level);
