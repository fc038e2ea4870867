/**
 * The published document says exactly what the API sends. (Every response of the suite is
 * also checked against it by the test helper; this file pins the document's own promises.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, problemOf, type TestContext } from '../test/helper.js';

type Responses = Record<string, { content?: Record<string, { schema?: unknown }> }>;
type Document = {
  paths: Record<string, Record<string, { responses: Responses }>>;
  components: { schemas: Record<string, { additionalProperties?: unknown }> };
};

let t: TestContext;
let document: Document;
beforeAll(async () => {
  t = await createTestContext();
  document = (await t.request({ method: 'GET', url: '/api/docs/json' })).json();
});
afterAll(() => t?.close());

const operations = () =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, responses: operation.responses })),
  );
const mediaTypes = (path: string, method = 'get', status = '200') => Object.keys(document.paths[path]![method]!.responses[status]?.content ?? {});

describe('the OpenAPI document', () => {
  it('documents every error as application/problem+json with the Problem schema, extension members allowed', () => {
    const errors = operations().flatMap(({ path, method, responses }) =>
      Object.entries(responses)
        .filter(([status]) => Number(status) >= 400)
        .map(([status, response]) => ({ where: `${method} ${path} ${status}`, content: response.content })),
    );
    expect(errors.length).toBeGreaterThan(300);
    const wrong = errors.filter(
      ({ content }) => JSON.stringify(content) !== JSON.stringify({ 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }),
    );
    expect(wrong.map(({ where }) => where)).toEqual([]);
    expect(document.components.schemas.Problem!.additionalProperties).toEqual({});
  });

  it('documents each download with its media type', () => {
    const spreadsheet = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expect(mediaTypes('/api/v1/applications/export.csv')).toEqual(['text/csv']);
    expect(mediaTypes('/api/v1/applications/export.xlsx')).toEqual([spreadsheet]);
    expect(mediaTypes('/api/v1/nominations/export.csv')).toEqual(['text/csv']);
    expect(mediaTypes('/api/v1/events/{id}/registrations.xlsx')).toEqual([spreadsheet]);
    expect(mediaTypes('/api/v1/events/{id}/calendar.ics')).toEqual(['text/calendar']);
    expect(mediaTypes('/api/v1/centres/{id}/events.ics')).toEqual(['text/calendar']);
    expect(mediaTypes('/api/v1/calendar-feeds/{token}/events.ics')).toEqual(['text/calendar']);
    expect(mediaTypes('/api/v1/applications/{id}/documents/{docId}')).toEqual(['application/pdf', 'image/png', 'image/jpeg']);
    expect(mediaTypes('/api/v1/nominations/{id}/documents/{docId}')).toEqual(['application/pdf', 'image/png', 'image/jpeg']);
  });

  it('documents 414 wherever an id is in the path, and 413 and 415 wherever a body may be sent', () => {
    const withId = operations().filter(({ path }) => path.includes('{'));
    expect(withId.length).toBeGreaterThan(30);
    expect(withId.filter(({ responses }) => !responses['414']).map(({ method, path }) => `${method} ${path}`)).toEqual([]);
    const writes = operations().filter(({ method }) => ['post', 'patch', 'put'].includes(method));
    expect(writes.filter(({ responses }) => !responses['413'] || !responses['415']).map(({ method, path }) => `${method} ${path}`)).toEqual([]);
  });

  it('answers an over-long id with the documented 414', async () => {
    const token = await t.login('coordinator@psu.exchange.test');
    const response = await t.request({ method: 'GET', url: `/api/v1/applications/${'x'.repeat(300)}`, token });
    expect(response.statusCode).toBe(414);
    expect(problemOf(response).code).toBe('uri_too_long');
  });
});
