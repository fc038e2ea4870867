/**
 * Typed calls to the exchange API, made by the web server on behalf of one user: the user's
 * token as Bearer, the user's client address signed for the API's rate limits, answers
 * checked against the contract's schemas, problem+json turned into `ApiError`.
 */
import {
  agreement,
  institution,
  me,
  page,
  problem,
  quota,
  session,
  user,
  type Agreement,
  type Institution,
  type Me,
  type Page,
  type Problem,
  type Quota,
  type QuotaCreate,
  type QuotaUpdate,
  type RegisterBody,
  type Session,
  type User,
  type UserUpdate,
} from '@exchange/shared';
import { clientAddressHeaders, sharedSecret } from './client-signature.js';
import { config } from './config.js';
import { createEventsApi } from './events-api.js';
import { createExchangeApi } from './exchange-api.js';
import { log } from './log.js';

export type FieldError = { path: string; code: string; message: string };

/** A failed call: the API's problem details, or a stand-in when the API could not answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldError[];
  readonly requestId: string | undefined;

  constructor(status: number, code: string, options: { title?: string; detail?: string; errors?: FieldError[]; requestId?: string } = {}) {
    super(options.title ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = options.detail;
    this.fieldErrors = options.errors ?? [];
    this.requestId = options.requestId;
  }
}

/** Codes for failures that have no problem document from the API. */
export const unavailable = 'api_unavailable';
export const badResponse = 'api_bad_response';

/** Turns an error answer (problem+json or not) into an `ApiError`. */
export function parseProblem(status: number, body: unknown): ApiError {
  const parsed = problem.safeParse(body);
  if (parsed.success) {
    const p: Problem = parsed.data;
    return new ApiError(status, p.code, {
      title: p.title,
      ...(p.detail !== undefined && { detail: p.detail }),
      ...(p.errors !== undefined && { errors: p.errors }),
      ...(p.requestId !== undefined && { requestId: p.requestId }),
    });
  }
  return new ApiError(status, fallbackCode(status));
}

function fallbackCode(status: number): string {
  if (status === 400 || status === 422) return 'validation_failed';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  return unavailable;
}

/** The field errors of a validation problem, by the first segment of their path. */
export function fieldErrorsByName(error: ApiError): Record<string, string> {
  const result: Record<string, string> = {};
  for (const fieldError of error.fieldErrors) {
    // Paths look like `body.seats`, `body.languageRequirement.level` or `/body/seats`.
    const name = fieldError.path.replace(/^\//, '').replace(/^(body|querystring|params)(?=[./]|$)[./]?/, '').split(/[./[]/)[0] ?? '';
    if (name && !(name in result)) result[name] = fieldError.code;
  }
  return result;
}

type Schema<T> = { safeParse(data: unknown): { success: true; data: T } | { success: false; error: unknown } };

type RequestOptions<T> = {
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  schema?: Schema<T>;
};

export type ApiContext = {
  token: string | null;
  clientAddress: string | null;
  fetch?: typeof fetch;
};

export function createApi(context: ApiContext) {
  const fetchFn = context.fetch ?? fetch;

  async function request<T>(method: string, path: string, options: RequestOptions<T> = {}): Promise<T> {
    const url = new URL(`${config().apiUrl}/api/v1${path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = {
      accept: 'application/json, application/problem+json',
      ...clientAddressHeaders(context.clientAddress, await sharedSecret()),
    };
    if (context.token) headers.authorization = `Bearer ${context.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';

    let response: Response;
    try {
      response = await fetchFn(url, {
        method,
        headers,
        ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (cause) {
      log.error('API unreachable', { method, path, error: String(cause) });
      throw new ApiError(503, unavailable);
    }

    const text = await response.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    if (!response.ok) {
      const error = parseProblem(response.status, body);
      if (response.status >= 500) log.error('API error', { method, path, status: response.status, code: error.code, requestId: error.requestId });
      throw error;
    }
    if (!options.schema) return body as T;
    const parsed = options.schema.safeParse(body);
    if (!parsed.success) {
      log.error('API answer does not match the contract', { method, path, issues: String(parsed.error) });
      throw new ApiError(502, badResponse);
    }
    return parsed.data;
  }

  const institutionPage = page(institution);
  const agreementPage = page(agreement);
  const userPage = page(user);
  const quotaItems = { safeParse: (data: unknown) => page(quota).pick({ items: true }).safeParse(data) };
  const userAnswer = {
    // PATCH /users/:id and POST /auth/register may wrap the user in `{ user }`.
    safeParse: (data: unknown) =>
      user.safeParse(data && typeof data === 'object' && 'user' in data ? (data as { user: unknown }).user : data),
  };

  return {
    events: createEventsApi(request, context),
    exchange: createExchangeApi(request, context),
    login: (body: { email: string; password: string }): Promise<Session> =>
      request('POST', '/auth/login', { body, schema: session }),
    refresh: (): Promise<Session> => request('POST', '/auth/refresh', { schema: session }),
    logout: (): Promise<void> => request('POST', '/auth/logout'),
    register: (body: RegisterBody): Promise<User> => request('POST', '/auth/register', { body, schema: userAnswer }),
    me: (): Promise<User> => request('GET', '/me', { schema: user }),
    /** The signed-in user with what only their own pages show (the consent on record). */
    account: (): Promise<Me> => request('GET', '/me', { schema: me }),
    updateMe: (body: { fullName?: string; locale?: User['locale'] }): Promise<User> =>
      request('PATCH', '/me', { body, schema: userAnswer }),

    institutions: (): Promise<Page<Institution>> =>
      request('GET', '/institutions', { query: { limit: 100 }, schema: institutionPage }),

    agreements: (query: { limit?: number; offset?: number } = {}): Promise<Page<Agreement>> =>
      request('GET', '/agreements', { query, schema: agreementPage }),
    agreement: (id: string): Promise<Agreement> => request('GET', `/agreements/${encodeURIComponent(id)}`, { schema: agreement }),
    quotas: (agreementId: string, academicYear?: string): Promise<Quota[]> =>
      request('GET', `/agreements/${encodeURIComponent(agreementId)}/quotas`, {
        query: { academicYear },
        schema: quotaItems,
      }).then((answer) => answer.items),
    createQuota: (body: QuotaCreate): Promise<Quota> => request('POST', '/quotas', { body, schema: quota }),
    updateQuota: (id: string, body: QuotaUpdate): Promise<Quota> =>
      request('PATCH', `/quotas/${encodeURIComponent(id)}`, { body, schema: quota }),

    users: (query: { status?: string; role?: string; q?: string; limit?: number; offset?: number }): Promise<Page<User>> =>
      request('GET', '/users', { query, schema: userPage }),
    updateUser: (id: string, body: UserUpdate): Promise<User> =>
      request('PATCH', `/users/${encodeURIComponent(id)}`, { body, schema: userAnswer }),
  };
}

export type Api = ReturnType<typeof createApi>;
