/** Shared server pieces of the exchange pages: parties, zones, and API failures as form answers. */
import type { Institution } from '@exchange/shared';
import { fail } from '@sveltejs/kit';
import { exchangeField, exchangeProblem } from '$lib/exchange/problems';
import { ApiError, type Api } from './api.js';

export const institutionsOf = (api: Api): Promise<Institution[]> => api.institutions().then((answer) => answer.items as Institution[]);

export const zoneOf = (institutions: readonly Institution[], id: string | null | undefined, fallback = 'Europe/Moscow') =>
  institutions.find((item) => item.id === id)?.timeZone ?? fallback;

export const isId = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** An API failure met in a form action, as the form's answer; anything else is rethrown. */
export function failure<T extends Record<string, unknown>>(cause: unknown, extra: T = {} as T) {
  if (!(cause instanceof ApiError)) throw cause;
  const status = cause.status >= 500 ? 503 : cause.status;
  const problem = cause.status >= 500 ? 'unavailable' : cause.code;
  // The text as well as the code: a page may show it without carrying the catalog of problems.
  return fail(status, { ...extra, problem, problemText: exchangeProblem(problem), fieldTexts: fieldTextsOf(extra) });
}

/**
 * The texts of the field error codes in a form's answer (in `errors`, `reviewErrors`,
 * `noteError`, `commentError`; `certificateRows` holds a list of codes), in the page language.
 */
export function fieldTextsOf(answer: Record<string, unknown>): Record<string, string> {
  const texts: Record<string, string> = {};
  const collect = (value: unknown) => {
    if (typeof value === 'string') texts[value] = exchangeField(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const key of ['errors', 'reviewErrors', 'noteError', 'commentError'] as const) collect(answer[key]);
  return texts;
}

/**
 * A refused form as its answer, with the texts of its problem and field errors in the page
 * language: the page shows them without carrying the catalog of every error text.
 */
export function refuse<T extends Record<string, unknown>>(status: number, answer: T) {
  const problem = typeof answer.problem === 'string' ? answer.problem : undefined;
  const uploadError = typeof answer.uploadError === 'string' ? answer.uploadError : undefined;
  return fail(status, {
    ...answer,
    problemText: problem ? exchangeProblem(problem) : undefined,
    ...(uploadError !== undefined && { uploadErrorText: exchangeProblem(uploadError) }),
    fieldTexts: fieldTextsOf(answer),
  });
}
