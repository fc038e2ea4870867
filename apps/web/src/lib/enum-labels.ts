/** Labels of the contract's enumerations (statuses, mobility types, languages, levels), from the catalogs. */
import { certificateLine, languageLevelLabel, type AgreementStatus, type Language, type LanguageCertificate, type LanguageRequirement, type LanguageScale, type MobilityType, type PlanItemStatus, type UserStatus } from '@exchange/shared';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';

export const userStatusLabel: Record<UserStatus, () => string> = {
  pending: m.user_status_pending,
  active: m.user_status_active,
  disabled: m.user_status_disabled,
};

export const agreementStatusLabel: Record<AgreementStatus, () => string> = {
  draft: m.agreement_status_draft,
  active: m.agreement_status_active,
  expired: m.agreement_status_expired,
  terminated: m.agreement_status_terminated,
};

export const planStatusLabel: Record<PlanItemStatus, () => string> = {
  planned: m.plan_status_planned,
  in_progress: m.plan_status_in_progress,
  done: m.plan_status_done,
  cancelled: m.plan_status_cancelled,
};

export const mobilityTypeLabel: Record<MobilityType, () => string> = {
  semester: m.mobility_semester,
  academic_year: m.mobility_academic_year,
  summer_school: m.mobility_summer_school,
  language_course: m.mobility_language_course,
  short_term: m.mobility_short_term,
};

export const languageLabel: Record<Language, () => string> = {
  ru: m.instruction_language_ru,
  zh: m.instruction_language_zh,
  en: m.instruction_language_en,
};

const eqfLabels: Record<number, () => string> = {
  6: m.eqf_6,
  7: m.eqf_7,
  8: m.eqf_8,
};

export const eqfLabel = (level: number) => eqfLabels[level]?.() ?? String(level);

export function languageRequirementLabel(requirement: LanguageRequirement | null): string {
  if (!requirement) return m.quota_no_language_requirement();
  const language = languageLabel[requirement.language]?.() ?? requirement.language;
  return m.quota_language_requirement({ language, level: languageLevelLabel(requirement.scale, requirement.level, getLocale()) });
}

/** A level as calls, quota lines and their forms all name it ("ТРКИ-1", "TORFL-1", "HSK 4"). */
export const levelLabel = (scale: LanguageScale, level: string) => languageLevelLabel(scale, level, getLocale());

/** "Russian: TORFL-1, 15 May 2025": a certificate with its level named as calls do and its date localised. */
export function certificateText(certificate: LanguageCertificate): string {
  return certificateLine(languageLabel[certificate.language]?.() ?? certificate.language, certificate, getLocale());
}
