/**
 * The abuse suite, input: oversized, polluted, mistyped and out-of-range input; unicode that
 * must survive a round trip. Each is refused with problem+json (or, for text, kept exactly),
 * nothing is written, and nothing answers 5xx. Tokens and passwords are in abuse.test.ts.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentVersion } from '@exchange/shared';
import { auditEntries, users } from '@exchange/db';
import { createTestContext, multipart, problemOf, sampleFiles, type TestContext } from '../test/helper.js';
import { createFixtures, type Fixtures } from '../test/fixtures/security.js';
import { casesRun, countCase, refused } from '../test/refused.js';

let t: TestContext;
let f: Fixtures;
beforeAll(async () => {
  t = await createTestContext();
  f = await createFixtures(t);
}, 120_000);
afterAll(() => {
  // The count of abuse cases, for the record.
  console.info(`abuse cases run: ${casesRun()}`);
  return t?.close();
});

const auditCount = async () => (await t.database.rows<{ n: number }>('select count(*)::int as n from audit_entries'))[0]!.n;

describe('input', () => {
  it('refuses oversized bodies with 413 and writes nothing', async () => {
    const draft = await f.application('student1@psu.exchange.test', 'draft');
    const token = await f.token('student1@psu.exchange.test');
    const audits = await auditCount();
    refused(
      await t.request({ method: 'PATCH', url: `/api/v1/applications/${draft.id}`, token, payload: { motivation: 'x'.repeat(1_100_000) } }),
      413,
      'JSON over 1 MB',
    );
    refused(
      await t.request({
        method: 'PATCH',
        url: '/api/v1/me',
        token,
        headers: { 'content-type': 'application/json' },
        payload: `{"fullName":"${'я'.repeat(600_000)}"}`,
      }),
      413,
      'multi-byte JSON over 1 MB',
    );
    const big = multipart(
      { type: 'transcript' },
      { name: 'big.pdf', content: Buffer.concat([sampleFiles.pdf, Buffer.alloc(10 * 1024 * 1024 + 10)]), contentType: 'application/pdf' },
    );
    refused(await t.request({ method: 'POST', url: `/api/v1/applications/${draft.id}/documents`, token, ...big }), 413, 'upload over 10 MB');
    const dossier = (await t.request({ method: 'GET', url: `/api/v1/applications/${draft.id}`, token })).json();
    expect(dossier.motivation).toBe('I want to study abroad.');
    expect(dossier.documents.map((document: { type: string }) => document.type)).toEqual(['motivation_letter']);
    expect(await auditCount()).toBe(audits);
  });

  it('refuses __proto__ and constructor payloads and pollutes nothing', async () => {
    const token = await f.token('student2@psu.exchange.test');
    const userId = await f.userId('student2@psu.exchange.test');
    const before = (await t.database.db.select().from(users).where(eq(users.id, userId)))[0];
    const payloads = [
      '{"__proto__": {"role": "admin", "isAdmin": true}, "locale": "en"}',
      '{"constructor": {"prototype": {"role": "admin"}}, "locale": "en"}',
      '{"locale": "en", "__proto__": null}',
      '{"fullName": {"__proto__": {"toString": 1}}}',
    ];
    for (const payload of payloads) {
      const response = await t.request({
        method: 'PATCH',
        url: '/api/v1/me',
        token,
        headers: { 'content-type': 'application/json' },
        payload,
      });
      refused(response, 400, payload);
    }
    const register = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: `{"email":"proto@example.test","password":"Penza-Baoji-2026-x","fullName":"P","institutionId":"${f.institution.PSU}","consent":{"version":"${consentVersion}"},"__proto__":{"role":"admin","status":"active"}}`,
    });
    refused(register, 400, 'register with __proto__');
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect((await t.database.db.select().from(users).where(eq(users.id, userId)))[0]).toEqual(before);
    expect(await t.database.db.select().from(users).where(eq(users.email, 'proto@example.test'))).toEqual([]);
  });

  it('refuses other content types with 415: a cross-site form post is never accepted', async () => {
    const token = await f.token('student2@psu.exchange.test');
    const draft = await f.application('student2@psu.exchange.test', 'draft');
    const bodies: [string, string][] = [
      ['application/x-www-form-urlencoded', 'motivation=x'],
      ['text/plain', '{"motivation":"x"}'],
      ['text/plain;charset=utf-8', '{"motivation":"x"}'],
      ['application/xml', '<motivation>x</motivation>'],
      ['application/json-patch+json', '[]'],
    ];
    for (const [type, payload] of bodies) {
      refused(await t.request({ method: 'PATCH', url: `/api/v1/applications/${draft.id}`, token, headers: { 'content-type': type }, payload }), 415, type);
      refused(await t.request({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': type }, payload }), 415, `login ${type}`);
    }
    // Multipart is parsed in the module that takes uploads; a JSON route then finds no JSON body.
    const form = multipart({ motivation: 'x' });
    const multipartAnswer = await t.request({ method: 'PATCH', url: `/api/v1/applications/${draft.id}`, token, ...form });
    countCase();
    expect([400, 415]).toContain(multipartAnswer.statusCode);
    problemOf(multipartAnswer);
    refused(
      await t.request({ method: 'POST', url: `/api/v1/applications/${draft.id}/documents`, token, payload: { type: 'transcript' } }),
      415,
      'JSON to the upload route',
    );
    expect((await t.request({ method: 'GET', url: `/api/v1/applications/${draft.id}`, token })).json().motivation).toBe('I want to study abroad.');
  });

  it('refuses huge, negative and malformed paging', async () => {
    const token = await f.token('admin@exchange.test');
    const lists = [
      '/api/v1/applications',
      '/api/v1/users',
      '/api/v1/nominations',
      '/api/v1/calls',
      '/api/v1/events',
      '/api/v1/audit',
      '/api/v1/notifications',
      '/api/v1/agreements',
    ];
    const queries = [
      'limit=1000000',
      'limit=101',
      'limit=0',
      'limit=-1',
      'limit=1e309',
      'limit=abc',
      'limit=10.5',
      'offset=-1',
      'offset=99999999999999999999',
      'limit=1&limit=2',
      'limit[]=1',
      'unknown=1',
    ];
    for (const list of lists) {
      for (const query of queries) refused(await t.request({ method: 'GET', url: `${list}?${query}`, token }), 400, `${list}?${query}`);
      const ok = await t.request({ method: 'GET', url: `${list}?limit=100`, token });
      expect(ok.statusCode, list).toBe(200);
      expect(ok.json().items.length).toBeLessThanOrEqual(100);
    }
  });

  it('refuses malformed ids and paths with 4xx', async () => {
    const token = await f.token('admin@exchange.test');
    for (const id of ['not-a-uuid', '1', "1'%20or%20'1'='1", '%00', '%E0%A4%A', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(300)]) {
      const response = await t.request({ method: 'GET', url: `/api/v1/applications/${id}`, token });
      countCase();
      expect(response.statusCode, id).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, id).toBeLessThan(500);
      problemOf(response);
    }
  });

  it('keeps names exactly as typed: RTL marks, zero-width, combining, emoji, CJK, SQL and HTML', async () => {
    const names = [
      'Anna \u200FPetrova\u200E',
      'Zero\u200BWidth\u200C\u200DJoi\uFEFFner',
      'Jose\u0301 Garci\u0301a',
      'Ю\u0306лия',
      '👩🏽‍🎓 Мария 🇨🇳',
      '王小明',
      '𠮷野家 𩸽',
      'مريم \u202Eevil\u202C',
      "Robert'); DROP TABLE users;--",
      '<script>alert(1)</script><img src=x onerror=alert(1)>',
      '=HYPERLINK("http://evil.test","x")',
      'a'.repeat(200),
    ];
    const token = await f.token('student3@psu.exchange.test');
    for (const name of names) {
      const response = await t.request({ method: 'PATCH', url: '/api/v1/me', token, payload: { fullName: name } });
      countCase();
      expect(response.statusCode, name).toBe(200);
      expect(response.json().fullName, name).toBe(name);
      expect((await t.request({ method: 'GET', url: '/api/v1/me', token })).json().fullName, name).toBe(name);
    }
    // Leading and trailing white space (a byte-order mark counts) is trimmed.
    const trimmed = await t.request({ method: 'PATCH', url: '/api/v1/me', token, payload: { fullName: '\uFEFF Anna \u00A0' } });
    expect(trimmed.json().fullName).toBe('Anna');
    // Refused rather than stored: the NUL character and names over the limit.
    for (const name of ['a\u0000b', 'a'.repeat(201), '', '   ']) {
      const response = await t.request({ method: 'PATCH', url: '/api/v1/me', token, payload: { fullName: name } });
      refused(response, 400, JSON.stringify(name));
    }
    // A lone surrogate cannot be stored as text: refused, never a 5xx.
    const lone = await t.request({
      method: 'PATCH',
      url: '/api/v1/me',
      token,
      headers: { 'content-type': 'application/json' },
      payload: '{"fullName":"a\\ud800b"}',
    });
    countCase();
    expect(lone.statusCode).toBeLessThan(500);
  });

  it('writes spreadsheet formulas in exports as text', async () => {
    const student = await f.student('PSU');
    await t.database.db.update(users).set({ fullName: '=HYPERLINK("http://evil.test","x")' }).where(eq(users.id, student.id));
    await f.application(student.email, 'submitted');
    const csv = await t.request({
      method: 'GET',
      url: '/api/v1/applications/export.csv',
      token: await f.token('coordinator@psu.exchange.test'),
    });
    countCase();
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('answers every refusal above without writing an audit entry', async () => {
    const before = (await t.database.db.select().from(auditEntries)).length;
    const token = await f.token('student1@psu.exchange.test');
    refused(await t.request({ method: 'PATCH', url: '/api/v1/me', token, payload: { fullName: 'x', role: 'admin' } }), 400, 'extra field');
    expect((await t.database.db.select().from(auditEntries)).length).toBe(before);
  });
});
