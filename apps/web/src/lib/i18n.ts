/**
 * Labels for the contract's enumerations and error codes, from the message catalogs, and
 * the current locale for formatting. Components call these; they hold no text themselves.
 */
import {
  intlLocale,
  localize,
  type AgreementStatus,
  type Institution,
  type Language,
  type LanguageRequirement,
  type Locale,
  type LocalizedText,
  type MobilityType,
  type PlanItemStatus,
  type Role,
  type UserStatus,
} from '@exchange/shared';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';

export const currentLocale = (): Locale => getLocale();

/** A localized text in the current locale; `lang` is set when another language stood in. */
export function pick(text: LocalizedText): { text: string; lang: Locale | undefined } {
  const locale = currentLocale();
  const result = localize(text, locale);
  return { text: result.text, lang: result.locale === locale ? undefined : result.locale };
}

export const institutionName = (institution: Pick<Institution, 'name'>) => pick(institution.name).text;

export const localeNames: Record<Locale, () => string> = {
  en: m.language_en,
  ru: m.language_ru,
  zh: m.language_zh,
};

export const roleLabel: Record<Role, () => string> = {
  student: m.role_student,
  coordinator: m.role_coordinator,
  reviewer: m.role_reviewer,
  admin: m.role_admin,
};

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
  const level = requirement.scale === 'HSK' ? `HSK ${requirement.level}` : requirement.scale === 'CEFR' ? `${requirement.level} (CEFR)` : requirement.level;
  return m.quota_language_requirement({ language, level });
}

/** Messages for the API's problem codes (and the web's own), with a generic fallback. */
const problemMessages: Record<string, () => string> = {
  invalid_credentials: m.error_invalid_credentials,
  account_pending: m.error_account_pending,
  account_disabled: m.error_account_disabled,
  rate_limited: m.error_rate_limited,
  email_taken: m.error_email_taken,
  seats_below_used: m.error_seats_below_used,
  forbidden: m.error_forbidden,
  not_found: m.error_not_found,
  validation_failed: m.error_validation_failed,
  conflict: m.error_conflict,
  quota_exists: m.error_quota_exists,
  api_unavailable: m.error_unavailable,
  unavailable: m.error_unavailable,
  unexpected: m.error_unexpected,
};

export const problemMessage = (code: string) => (problemMessages[code] ?? m.error_unexpected)();

/** Messages for field errors: the web's own codes and the API's validation codes. */
const fieldMessages: Record<string, () => string> = {
  required: m.field_required,
  email_invalid: m.field_email_invalid,
  email_taken: m.error_email_taken,
  too_short: m.field_password_too_short,
  too_long: m.field_password_too_long,
  too_common: m.field_password_too_common,
  password_invalid: m.field_password_invalid,
  number_invalid: m.field_number_invalid,
  seats_below_used: m.error_seats_below_used,
  eqf_required: m.field_eqf_required,
  isced_invalid: m.field_isced_invalid,
  academic_year_invalid: m.field_academic_year_invalid,
  same_institution: m.field_same_institution,
  level_invalid: m.field_level_invalid,
  too_long_text: m.field_too_long_text,
};

export const fieldMessage = (code: string) => (fieldMessages[code] ?? m.field_invalid)();

export const intlTag = () => intlLocale[currentLocale()];
