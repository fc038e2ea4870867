import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { documentContentTypes, problem } from '@exchange/shared';
import { problemTitles } from '../plugins/errors.js';

/**
 * Route helpers. A route is documented by its `schema`: `params`, `querystring`, `body` as zod,
 * and `response: { 200: zodSchema, ...problems(409, 422) }` — JSON successes by their zod schema,
 * errors by `problems()` (the statuses the route's service can throw beyond the common ones),
 * downloads by `fileResponse` and its kin, 204 by `z.null()`. The test helper checks every
 * response of the suite against the published document, so an undocumented status fails.
 */

/** The Fastify instance feature modules receive: zod schemas type their handlers. */
export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** The media type of every error the API sends (RFC 9457). */
export const problemMediaType = 'application/problem+json';

/**
 * The body of every error, one component of the OpenAPI document (`#/components/schemas/Problem`).
 * Loose: RFC 9457 lets a problem carry extension members (`retryAfter`, `proposalId`, `missing`...).
 */
export const problemBody = problem.loose().meta({ id: 'Problem' });

/** One documented error status: a problem+json body. */
export const problemResponse = (status: number) => ({
  description: problemTitles[status] ?? 'Error',
  content: { [problemMediaType]: { schema: problemBody } },
});

/**
 * Problem responses every route may give, plus the route's own: spread into `response`.
 * 400 malformed or invalid input, 401 a dead token, 403 a role that may not, 404 missing or
 * forbidden, 429 rate limited, 503 the database is busy or away. Router- and parser-level
 * statuses (414 an over-long id, 413/415 a body too large or not JSON) are added to the
 * document by the openapi plugin from the route's shape.
 */
export const problems = (...statuses: number[]) =>
  Object.fromEntries([...new Set([400, 401, 403, 404, 429, 503, ...statuses])].map((status) => [status, problemResponse(status)]));

/** A file in the body, whatever its bytes: the document names only its media type. */
const fileBody = z.string().meta({ format: 'binary' });

/** A download answered with one of these media types (the body is not JSON). */
export const fileResponse = (description: string, mediaTypes: readonly string[]) => ({
  description,
  content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: fileBody }])),
});

export const spreadsheetMediaTypes = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
/** A CSV or XLSX download. */
export const spreadsheetResponse = (format: keyof typeof spreadsheetMediaTypes) =>
  fileResponse(`The table as ${format.toUpperCase()}, as an attachment`, [spreadsheetMediaTypes[format]]);
/** An iCalendar (RFC 5545) file or feed. */
export const calendarResponse = (description = 'iCalendar data') => fileResponse(description, ['text/calendar']);
/** An uploaded document as it was stored: PDF, PNG or JPEG. */
export const documentFileResponse = fileResponse('The document’s bytes, as an attachment', documentContentTypes);

export const toIso = (date: Date) => date.toISOString();
export const toIsoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
