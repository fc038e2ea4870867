/** Shared server pieces of the exchange pages: parties, zones, and API failures as form answers. */
import type { Institution } from '@exchange/shared';
import { fail } from '@sveltejs/kit';
import { exchangeProblem } from '$lib/exchange/problems';
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
  return fail(status, { ...extra, problem, problemText: exchangeProblem(problem) });
}
