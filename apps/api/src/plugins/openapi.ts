import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { problemMediaType } from '../lib/route.js';
import { problemTitles } from './errors.js';

type Transform = typeof jsonSchemaTransform;
type ResponseEntry = { description?: string; content?: Record<string, { schema: unknown }> } & Record<string, unknown>;

const problemRef = { $ref: '#/components/schemas/Problem' };
const documentedProblem = (status: number): ResponseEntry => ({
  description: problemTitles[status] ?? 'Error',
  content: { [problemMediaType]: { schema: problemRef } },
});
const bodyMethods = ['POST', 'PUT', 'PATCH'];

/**
 * Each route's schemas as zod makes them, plus what the framework answers before the route
 * runs, so that a route documented with `problems()` is documented exactly:
 * an id past the router's length limit answers 414, a body 413 (too large) or 415 (not JSON).
 * Every error is problem+json, even one a route declared with a bare schema.
 */
export const documentRoute: Transform = (input) => {
  const output = jsonSchemaTransform(input);
  const schema = output.schema as { hide?: boolean; response?: Record<string, ResponseEntry> } | undefined;
  if (!schema?.response || schema.hide) return output;
  const response: Record<string, ResponseEntry> = { ...schema.response };
  const methods = [input.route.method].flat().map((method) => String(method).toUpperCase());
  const implied = [...(input.url.includes(':') ? [414] : []), ...(methods.some((method) => bodyMethods.includes(method)) ? [413, 415] : [])];
  for (const status of implied) response[status] ??= documentedProblem(status);
  for (const [status, entry] of Object.entries(response)) {
    if (Number(status) >= 400 && !entry.content?.[problemMediaType]) response[status] = documentedProblem(Number(status));
  }
  return { ...output, schema: { ...schema, response } } as ReturnType<Transform>;
};

/** The OpenAPI 3 document, generated from the same schemas that validate and shape requests. */
async function openapiPlugin(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Penza–Baoji student exchange API',
        description:
          'Exchange calls, applications, allocation and nominations, and cultural-centre events of the tripartite agreement between Penza State University, Baoji University of Arts and Sciences and Baoji Railway Institute. Errors are RFC 9457 `application/problem+json` (`#/components/schemas/Problem`); an address no route serves answers 404 with one, and an unexpected failure 500.',
        version: '1.0.0',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: documentRoute,
    // Adds the schemas registered with an id (the Problem) as components.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });
}

export default fp(openapiPlugin, { name: 'openapi' });
