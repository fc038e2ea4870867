/** Texts for the agreement's and the plan's forms: their field errors and the API's refusals. */
import { m } from '@exchange/texts/messages';
import { fieldMessage, problemMessage } from '$lib/problems';

const fields: Record<string, () => string> = {
  title_required: m.plan_error_title_required,
  date_invalid: m.plan_error_date_invalid,
  validity_order: m.plan_error_validity_order,
  invalid_validity: m.plan_error_validity_order,
  not_a_party: m.plan_error_not_a_party,
  file_required: m.plan_error_file_required,
};
export const planFieldMessage = (code: string) => (fields[code] ?? (() => fieldMessage(code)))();

const problems: Record<string, () => string> = {
  unsupported_file_type: m.plan_error_file_type,
  file_type_mismatch: m.plan_error_file_type,
  empty_file: m.plan_error_file_required,
  file_too_large: m.plan_error_file_too_large,
  not_a_party: m.plan_error_not_a_party,
  invalid_validity: m.plan_error_validity_order,
  plan_order_mismatch: m.plan_error_order,
};
export const planProblemMessage = (code: string) => (problems[code] ?? (() => problemMessage(code)))();

/** `aria-describedby` of an input: its hint and its error, when shown. */
export const describedBy = (name: string, errors: Record<string, string>, hint?: string) =>
  [hint, errors[name] ? `${name}-error` : undefined].filter(Boolean).join(' ') || undefined;
