/** Texts for the API's problem codes and for field errors, in the page language. */
import { m } from '@exchange/texts/messages';

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
  invalid_link: m.error_invalid_link,
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
  consent_required: m.field_consent_required,
  password_mismatch: m.field_password_mismatch,
  latin_invalid: m.account_full_name_latin_invalid,
  wrong_password: m.account_password_wrong,
};

export const fieldMessage = (code: string) => (fieldMessages[code] ?? m.field_invalid)();
