import { describe, expect, it } from 'vitest';
import { createResponseChecker, type OpenApiDocument } from './openapi-check.js';

const problem = { type: 'object', properties: { status: { type: 'integer' }, code: { type: 'string' } }, required: ['status', 'code'] };
const document: OpenApiDocument = {
  paths: {
    '/api/v1/things/{id}': {
      get: {
        responses: {
          200: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { id: { type: 'string', format: 'uuid' } },
                  required: ['id'],
                  additionalProperties: false,
                },
              },
            },
          },
          404: { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        },
      },
      delete: { responses: { 204: {} } },
    },
    '/api/v1/things/export.csv': {
      get: { responses: { 200: { content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } } } } },
    },
    '/api/v1/loose': {
      get: {
        responses: {
          200: { content: { 'application/json': { schema: { type: 'object' } } } },
          default: { content: { 'application/problem+json': { schema: problem } } },
        },
      },
    },
  },
  components: { schemas: { Problem: problem } },
};
const id = '0f1e2d3c-4b5a-4978-8867-564534231201';
const json = (statusCode: number, body: unknown, type = 'application/json; charset=utf-8') => ({
  statusCode,
  headers: { 'content-type': type },
  body: JSON.stringify(body),
});
const notFound = json(404, { status: 404, code: 'not_found' }, 'application/problem+json; charset=utf-8');

describe('the OpenAPI response checker', () => {
  const check = createResponseChecker(document);

  it('passes responses the document describes', () => {
    expect(check('GET', `/api/v1/things/${id}?lang=en`, json(200, { id }))).toBeUndefined();
    expect(check('GET', `/api/v1/things/${id}`, notFound)).toBeUndefined();
    expect(check('DELETE', `/api/v1/things/${id}`, { statusCode: 204, headers: {}, body: '' })).toBeUndefined();
    expect(
      check('GET', '/api/v1/things/export.csv', { statusCode: 200, headers: { 'content-type': 'text/csv; charset=utf-8' }, body: 'a,b\n' }),
    ).toBeUndefined();
    expect(check('GET', '/api/v1/loose', json(409, { status: 409, code: 'busy' }, 'application/problem+json'))).toBeUndefined();
    expect(check('GET', '/api/v1/nowhere', json(404, { status: 404, code: 'route_not_found' }, 'application/problem+json'))).toBeUndefined();
  });

  it('fails a status the operation does not list, naming the route and the status', () => {
    expect(check('GET', `/api/v1/things/${id}`, json(409, { status: 409, code: 'conflict' }, 'application/problem+json'))).toMatch(
      /^GET \/api\/v1\/things\/\{id\} answered 409, which the document does not list \(it lists 200, 404\)/,
    );
  });

  it('fails a media type the document does not give for the status', () => {
    expect(check('GET', `/api/v1/things/${id}`, json(404, { status: 404, code: 'not_found' }))).toMatch(
      /answered 404 as application\/json; the document says application\/problem\+json/,
    );
    expect(check('GET', '/api/v1/things/export.csv', json(200, []))).toMatch(/answered 200 as application\/json; the document says text\/csv/);
  });

  it('fails a JSON body that does not fit the schema, with the ajv errors', () => {
    expect(check('GET', `/api/v1/things/${id}`, json(200, { id: 'not-a-uuid' }))).toMatch(/body\/id must match format "uuid"/);
    expect(check('GET', `/api/v1/things/${id}`, json(200, { id, secret: 'x' }))).toMatch(/must NOT have additional properties/);
    expect(check('GET', `/api/v1/things/${id}`, { ...notFound, body: '{"status":404}' })).toMatch(/must have required property 'code'/);
    expect(check('GET', `/api/v1/things/${id}`, { ...json(200, {}), body: '<html>' })).toMatch(/the body is not JSON/);
  });

  it('fails a body where the document promises none', () => {
    expect(check('DELETE', `/api/v1/things/${id}`, json(204, { id }))).toMatch(/with a body .* which the document says has none/);
  });

  it('holds an address no route serves to a problem+json 404', () => {
    expect(check('POST', `/api/v1/things/${id}`, json(404, { status: 404, code: 'route_not_found' }))).toMatch(
      /no documented operation.*not application\/problem\+json/,
    );
    expect(check('GET', '/api/v1/nowhere', json(200, { id }))).toMatch(/only 400, 404, 414 may answer/);
    expect(check('GET', '/api/v1/nowhere', json(404, { status: 404 }, 'application/problem+json'))).toMatch(/must have required property 'code'/);
  });
});
