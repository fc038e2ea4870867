/**
 * The one way the web server talks to the API: the user's token as Bearer, the user's client
 * address signed for the API's rate limits, answers checked against the contract's schemas,
 * problem+json turned into `ApiError` carrying the problem as the API sent it. The feature
 * clients (accounts, agreements, applications, nominations, events) are built on it.
 */
import { problem as problemSchema, type FieldError, type MissingItem, type Problem } from '@exchange/shared';
import { clientAddressHeaders, sharedSecret } from '../client-signature.js';
import { config } from '../config.js';
import { log } from '../log.js';

/** Codes for failures that have no problem document from the API. */
export const unavailable = 'api_unavailable';
export const badResponse = 'api_bad_response';

/** A failed call: the API's problem details, or a stand-in when the API could not answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The problem document as the API sent it; null when the API sent none. */
  readonly problem: Problem | null;

  constructor(status: number, code: string, problem: Problem | null = null) {
    super(problem?.title ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.problem = problem;
  }

  get detail(): string | undefined {
    return this.problem?.detail;
  }
  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }
  get requestId(): string | undefined {
    return this.problem?.requestId;
  }
  /** What a refused submission lacks (`application_incomplete`), as the API listed it. */
  get missing(): MissingItem[] {
    return this.problem?.missing ?? [];
  }
}

/** Turns an error answer (problem+json or not) into an `ApiError`. */
export function parseProblem(status: number, body: unknown): ApiError {
  const parsed = problemSchema.safeParse(body);
  return parsed.success ? new ApiError(status, parsed.data.code, parsed.data) : new ApiError(status, fallbackCode(status));
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
    const name =
      fieldError.path
        .replace(/^\//, '')
        .replace(/^(body|querystring|params)(?=[./]|$)[./]?/, '')
        .split(/[./[]/)[0] ?? '';
    if (name && !(name in result)) result[name] = fieldError.code;
  }
  return result;
}

/** A contract schema: the shared zod schemas fit it. */
export type Schema<T> = { safeParse(data: unknown): { success: true; data: T } | { success: false; error: unknown } };
export type Query = Record<string, string | number | undefined>;

export type ApiContext = {
  token: string | null;
  clientAddress: string | null;
  /** The browser's user agent, passed on so the account page can name the device of each session. */
  userAgent?: string | null;
  fetch?: typeof fetch;
};

export type Transport = ReturnType<typeof createTransport>;

/** Path segments are user input (ids from URLs): always encoded. */
export const segment = (value: string) => encodeURIComponent(value);

export function createTransport(context: ApiContext) {
  const fetchFn = context.fetch ?? fetch;

  function urlOf(path: string, query: Query = {}): URL {
    const url = new URL(`${config().apiUrl}/api/v1${path}`);
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    return url;
  }

  async function headers(): Promise<Record<string, string>> {
    const result: Record<string, string> = { ...clientAddressHeaders(context.clientAddress, await sharedSecret()) };
    if (context.token) result.authorization = `Bearer ${context.token}`;
    if (context.userAgent) result['user-agent'] = context.userAgent.slice(0, 300);
    return result;
  }

  async function send(method: string, path: string, url: URL, init: RequestInit, timeout: number): Promise<Response> {
    try {
      return await fetchFn(url, { method, ...init, signal: AbortSignal.timeout(timeout) });
    } catch (cause) {
      log.error('API unreachable', { method, path, error: String(cause) });
      throw new ApiError(503, unavailable);
    }
  }

  async function bodyOf(response: Response): Promise<unknown> {
    const text = await response.text();
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }

  async function failure(method: string, path: string, response: Response): Promise<never> {
    const error = parseProblem(response.status, await bodyOf(response));
    if (response.status >= 500) log.error('API error', { method, path, status: response.status, code: error.code, requestId: error.requestId });
    throw error;
  }

  function checked<T>(method: string, path: string, body: unknown, schema: Schema<T>): T {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      log.error('API answer does not match the contract', { method, path, issues: String(parsed.error) });
      throw new ApiError(502, badResponse);
    }
    return parsed.data;
  }

  /** A JSON call; without a schema the answer is ignored (204s). */
  async function request<T = void>(method: string, path: string, options: { body?: unknown; query?: Query; schema?: Schema<T> } = {}): Promise<T> {
    const init: RequestInit = { headers: { accept: 'application/json, application/problem+json', ...(await headers()) } };
    if (options.body !== undefined) {
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    const response = await send(method, path, urlOf(path, options.query), init, 15_000);
    if (!response.ok) await failure(method, path, response);
    const body = await bodyOf(response);
    return options.schema ? checked(method, path, body, options.schema) : (undefined as T);
  }

  /** A multipart upload, its answer checked like any other. */
  async function upload<T>(path: string, form: FormData, schema: Schema<T>): Promise<T> {
    const response = await send('POST', path, urlOf(path), { headers: await headers(), body: form }, 60_000);
    if (!response.ok) await failure('POST', path, response);
    return checked('POST', path, await bodyOf(response), schema);
  }

  /** A file from the API (CSV, XLSX, iCalendar, a document), streamed on as it comes. */
  async function file(path: string, query: Query = {}): Promise<Response> {
    const response = await send('GET', path, urlOf(path, query), { headers: await headers() }, 60_000);
    if (!response.ok) await failure('GET', path, response);
    return response;
  }

  return { request, upload, file };
}
