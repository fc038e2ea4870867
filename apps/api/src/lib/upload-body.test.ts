/**
 * Upload bodies that cannot be read answer 400 `invalid_upload` on every upload route, never a
 * 500: a multipart type without a boundary, a body cut off mid-part, a part without headers.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, multipart, problemOf, type TestContext } from '../test/helper.js';

let t: TestContext;
let coordinator: string;
let student: string;

beforeAll(async () => {
  t = await createTestContext();
  [coordinator, student] = await Promise.all([t.login('coordinator@psu.exchange.test'), t.login('student1@psu.exchange.test')]);
}, 120_000);
afterAll(() => t?.close());

const whole = multipart({ dryRun: 'true' }, { name: 'list.csv', content: Buffer.from('email,name\r\nli.wei@psu.example.test,Li Wei\r\n') });
const boundary = whole.headers['content-type'].split('boundary=')[1]!;
const malformed: [string, Buffer, string][] = [
  ['no boundary', whole.payload, 'multipart/form-data'],
  ['a body cut off mid-file', whole.payload.subarray(0, whole.payload.length - 40), whole.headers['content-type']],
  ['a part without headers', Buffer.from(`--${boundary}\r\n\r\n\r\n--${boundary}`), whole.headers['content-type']],
];
const routes = () => [
  { url: '/api/v1/users/import', as: coordinator },
  { url: `/api/v1/mobilities/${randomUUID()}/documents`, as: coordinator },
  { url: `/api/v1/applications/${randomUUID()}/documents`, as: student },
];

describe('an upload body that cannot be read', () => {
  for (const [what, payload, contentType] of malformed) {
    it(`answers 400 invalid_upload for ${what}`, async () => {
      for (const { url, as } of routes()) {
        const response = await t.request({ method: 'POST', url, token: as, payload, headers: { 'content-type': contentType } });
        expect({ url, status: response.statusCode, code: problemOf(response).code }).toEqual({ url, status: 400, code: 'invalid_upload' });
      }
    });
  }

  it('still reads a whole body', async () => {
    const response = await t.request({ method: 'POST', url: '/api/v1/users/import', token: coordinator, payload: whole.payload, headers: whole.headers });
    expect(response.statusCode).toBe(200);
  });
});
