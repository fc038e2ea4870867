import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problem } from '@exchange/shared';

/** The Fastify instance feature modules receive: zod schemas type their handlers. */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Problem responses every route may give, declared once for the OpenAPI document. */
export const problems = (...statuses: number[]) =>
  Object.fromEntries([400, 401, 403, 404, 429, ...statuses].map((status) => [status, problem]));

export const toIso = (date: Date) => date.toISOString();
export const toIsoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
