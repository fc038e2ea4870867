/** Reading the agreement's and the plan's forms, and the API's refusals of them, for the page. */
import { agreementStatuses, planItemStatuses, type AgreementStatus, type PlanItemStatus } from '@exchange/shared';
import { fail } from '@sveltejs/kit';
import { ApiError, fieldErrorsByName } from '$lib/server/api';

export type Errors = Record<string, string>;
const date = /^\d{4}-\d{2}-\d{2}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isId = (value: unknown): value is string => typeof value === 'string' && uuid.test(value);
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** The title in three languages: at least one is needed. */
export function titleOf(form: FormData, errors: Errors) {
  const title = { ru: text(form, 'title_ru'), zh: text(form, 'title_zh'), en: text(form, 'title_en') };
  if (!title.ru && !title.zh && !title.en) errors.title = 'title_required';
  for (const [locale, value] of Object.entries(title)) if (value.length > 300) errors[`title_${locale}`] = 'too_long_text';
  return title;
}

function dateOf(form: FormData, name: string, errors: Errors, required: boolean) {
  const value = text(form, name);
  if (!value) {
    if (required) errors[name] = 'required';
    return null;
  }
  if (!date.test(value)) errors[name] = 'date_invalid';
  return value;
}

export function agreementFieldsOf(form: FormData) {
  const errors: Errors = {};
  const title = titleOf(form, errors);
  const signedOn = dateOf(form, 'signedOn', errors, false);
  const validFrom = dateOf(form, 'validFrom', errors, true);
  const validTo = dateOf(form, 'validTo', errors, true);
  const status = text(form, 'status') as AgreementStatus;
  if (!agreementStatuses.includes(status)) errors.status = 'required';
  if (validFrom && validTo && validFrom > validTo) errors.validTo = 'validity_order';
  const values = { title, signedOn: signedOn ?? '', validFrom: validFrom ?? '', validTo: validTo ?? '', status };
  return { errors, values, body: { title, signedOn, validFrom: validFrom ?? '', validTo: validTo ?? '', status } };
}

/** A measure as the administrators write it; `status` only when editing. */
export function itemFieldsOf(form: FormData, partyIds: string[]) {
  const errors: Errors = {};
  const title = titleOf(form, errors);
  const deadline = dateOf(form, 'deadline', errors, false);
  const responsible = text(form, 'responsibleInstitutionId');
  if (responsible && !partyIds.includes(responsible)) errors.responsibleInstitutionId = 'not_a_party';
  const values = { title, deadline: deadline ?? '', responsibleInstitutionId: responsible };
  return { errors, values, body: { title, deadline, responsibleInstitutionId: responsible || null } };
}

export const statusOf = (form: FormData): PlanItemStatus | null => {
  const status = text(form, 'status');
  return (planItemStatuses as readonly string[]).includes(status) ? (status as PlanItemStatus) : null;
};

/** Answers a refused action next to its form: field errors, or the problem's code. */
export function refused(action: string, cause: unknown, values: unknown = null) {
  if (!(cause instanceof ApiError)) throw cause;
  const errors = cause.status === 400 || cause.status === 422 ? fieldErrorsByName(cause) : {};
  return fail(cause.status === 503 ? 503 : cause.status >= 500 ? 502 : cause.status, { action, problem: cause.code, errors, values });
}
