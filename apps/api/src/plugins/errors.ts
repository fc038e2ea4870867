import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { sqlState, violatedConstraint } from '@exchange/db';
import { AppError } from '../errors.js';

type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId: string;
  errors?: { path: string; code: string; message: string }[];
  [extra: string]: unknown;
};

/** The title of each status a problem may have; also the description of each in the OpenAPI document. */
export const problemTitles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function sendProblem(request: FastifyRequest, reply: FastifyReply, status: number, code: string, detail: string, extra: Record<string, unknown> = {}) {
  // Extension members first: none may replace a member RFC 9457 defines (a `status` of
  // "waitlisted" would break every client reading the problem's status).
  const body: ProblemBody = {
    ...extra,
    type: `urn:exchange:problem:${code}`,
    title: problemTitles[status] ?? 'Error',
    status,
    detail,
    code,
    instance: request.url.split('?')[0],
    requestId: request.id,
  };
  if (status === 429 && typeof extra.retryAfter === 'number') reply.header('retry-after', String(extra.retryAfter));
  // The schema serializer does not know problem bodies: send them as plain JSON.
  return reply.code(status).type('application/problem+json; charset=utf-8').serializer(JSON.stringify).send(body);
}

/** Fastify's own client errors, with a code the web can translate. */
const fastifyCodes: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large', detail: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    detail: 'Send the body as application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request', detail: 'Invalid Content-Length.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'empty_body', detail: 'The JSON body is empty.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', detail: 'The body is not valid JSON.' },
  FST_ERR_BAD_URL: { status: 400, code: 'bad_request', detail: 'The URL is malformed.' },
};

/** Constraint violations a user can cause, and what to tell them. */
function databaseProblem(error: unknown): { status: number; code: string; detail: string } | undefined {
  const state = sqlState(error);
  const constraint = violatedConstraint(error);
  switch (state) {
    case '23505':
      return { status: 409, code: 'already_exists', detail: `This would duplicate an existing record (${constraint ?? 'unique'}).` };
    case '23503':
      return { status: 422, code: 'reference_not_found', detail: 'A referenced record does not exist.' };
    case '23514':
      return { status: 409, code: 'constraint_violated', detail: `The change breaks a rule of the data (${constraint ?? 'check'}).` };
    case '22P02':
    case '22007':
    case '22008':
      return { status: 400, code: 'bad_request', detail: 'A value has the wrong format.' };
    case '40001':
    case '40P01':
      return { status: 503, code: 'busy', detail: 'The system is busy; try again.' };
    default:
      return undefined;
  }
}

async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(request, reply, error.status, error.code, error.message, error.extra);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const errors = error.validation.map((issue) => ({
        path: `${where}${issue.instancePath.replace(/\//g, '.').replace(/\.$/, '')}`,
        code: String(issue.keyword),
        message: issue.message ?? 'Invalid value',
      }));
      return sendProblem(request, reply, 400, 'validation_failed', 'Some fields are not valid.', { errors });
    }
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) return sendProblem(request, reply, known.status, known.code, known.detail);
    const database = databaseProblem(error);
    if (database) {
      request.log.info({ err: error }, 'database refused a change');
      return sendProblem(request, reply, database.status, database.code, database.detail);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(request, reply, error.statusCode, 'bad_request', error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 500, 'internal_error', 'Something went wrong on our side. It has been logged.');
  });

  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, 404, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
}

export default fp(errorsPlugin, { name: 'errors' });
