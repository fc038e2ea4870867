/**
 * The exchange API's problem and field codes in the page language. Apart from the labels, so a
 * page that only shows statuses does not carry every error text.
 */
import { m } from '@exchange/texts/messages';
import { fieldMessage, problemMessage } from '$lib/problems';

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
  not_approved: m.error_not_approved,
  undo_window_passed: m.error_undo_window_passed,
  not_cancellable: m.error_not_cancellable,
  stale_version: m.error_stale_version,
  mobility_cancelled: m.error_mobility_cancelled,
  mobility_under_way: m.error_mobility_under_way,
  already_admitted: m.error_already_admitted,
  not_admitted: m.error_not_admitted,
  already_arrived: m.error_already_arrived,
  not_arrived: m.error_not_arrived,
  already_departed: m.error_already_departed,
  passport_expires: m.error_passport_expires,
  outside_agreement: m.error_outside_agreement,
  months_exceeded: m.error_months_exceeded,
  date_in_future: m.error_date_in_future,
  departure_before_arrival: m.error_departure_before_arrival,
  proof_required: m.error_proof_required,
};

/** A problem code of the exchange API (or a general one) in the page language. */
export const exchangeProblem = (code: string) => exchangeProblems[code]?.() ?? problemMessage(code);

const exchangeFields: Record<string, () => string> = {
  gpa_invalid: m.field_gpa_invalid,
  latin_only: m.field_latin_only,
  passport_invalid: m.field_passport_invalid,
  citizenship_invalid: m.field_citizenship_invalid,
  birth_date_invalid: m.field_birth_date_invalid,
  date_invalid: m.field_date_invalid,
  certificate_incomplete: m.field_certificate_incomplete,
  too_many: m.field_too_many,
  title_required: m.field_title_required,
  before_opening: m.field_before_opening,
  not_offered: m.field_not_offered,
  passport_expires: m.error_passport_expires,
  outside_agreement: m.error_outside_agreement,
  date_in_future: m.error_date_in_future,
  departure_before_arrival: m.error_departure_before_arrival,
};

/** A field error code in the page language. */
export const exchangeField = (code: string | undefined) => (code ? (exchangeFields[code]?.() ?? fieldMessage(code)) : '');
