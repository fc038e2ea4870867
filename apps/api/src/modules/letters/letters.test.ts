/**
 * The admission letter as a document: its PDF carries both scripts and a code the public check
 * resolves; a revoked letter still downloads, marked as such; a third institution and another
 * student get 404.
 */
import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { nominationsFixture } from '../../test/fixtures/nominations.js';
import { admittedMobility } from '../../test/fixtures/mobilities.js';
import { revokeCurrent } from './letters.repository.js';

const { f } = nominationsFixture();
const student = 'student1@psu.exchange.test';

async function textOf(pdf: Buffer) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text;
}

describe('the admission letter as a PDF', () => {
  let ids = { mobilityId: '', letterId: '', code: '' };
  const pdfUrl = () => `/api/v1/mobilities/${ids.mobilityId}/letters/${ids.letterId}.pdf`;

  it('is in Chinese and English with the student’s names in both scripts and a code that verifies', async () => {
    const { t, tokens } = f;
    ids = await admittedMobility(f, { student, quotaId: f.toBuas, host: 'buas' });
    const fullName = (await t.request({ method: 'GET', url: `/api/v1/mobilities/${ids.mobilityId}`, token: tokens.psu })).json().student.fullName as string;
    expect(fullName).toMatch(/[А-Яа-яЁё]/);

    const response = await t.request({ method: 'GET', url: pdfUrl(), token: tokens[student] });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="admission-letter-${ids.code}.pdf"`);
    const text = await textOf(response.rawPayload);
    expect(text).toContain('录取通知书');
    expect(text).toContain('Admission letter');
    expect(text).toContain(fullName);
    expect(text).toContain('Student A');
    expect(text).toContain('75 12345670');
    expect(text).toContain('2026-09-01 – 2026-12-20');
    expect(text).not.toContain('REVOKED');

    const printed = text.match(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/)?.[0];
    expect(printed).toBe(ids.code);
    expect(text).toContain(`/verify/${printed}`);
    const verified = (await t.request({ method: 'GET', url: `/api/v1/verify/${printed}` })).json();
    expect(verified).toMatchObject({ status: 'valid', fullNameLatin: 'Student A', plannedStart: '2026-09-01', plannedEnd: '2026-12-20' });
  });

  it('is downloaded by both offices and the administrator; the host’s downloads are on record', async () => {
    const { t, tokens } = f;
    for (const token of [tokens.psu, tokens.buas, tokens.admin]) expect((await t.request({ method: 'GET', url: pdfUrl(), token })).statusCode).toBe(200);
    const audit = (await t.request({ method: 'GET', url: `/api/v1/audit?entityId=${ids.letterId}&limit=100`, token: tokens.admin })).json();
    expect(audit.items.filter((entry: { action: string }) => entry.action === 'letter.download')).toHaveLength(1);
  });

  it('answers a third institution, another student, another mobility’s id and a missing letter with 404', async () => {
    const { t, tokens } = f;
    for (const token of [tokens.bri, tokens['student2@psu.exchange.test']]) {
      const response = await t.request({ method: 'GET', url: pdfUrl(), token });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const missing = await t.request({ method: 'GET', url: `/api/v1/mobilities/${ids.mobilityId}/letters/${crypto.randomUUID()}.pdf`, token: tokens.psu });
    expect(missing.statusCode).toBe(404);
    const elsewhere = await t.request({ method: 'GET', url: `/api/v1/mobilities/${crypto.randomUUID()}/letters/${ids.letterId}.pdf`, token: tokens.psu });
    expect(elsewhere.statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: pdfUrl() })).statusCode).toBe(401);
  });

  it('once revoked, verifies as revoked and still downloads, marked revoked on the page', async () => {
    const { t, tokens } = f;
    // Admission happens once, so there is no route that re-issues: revoke as re-issuing would.
    const admin = (await t.request({ method: 'GET', url: '/api/v1/me', token: tokens.admin })).json();
    await revokeCurrent(t.app.db, ids.mobilityId, 'admission', admin.id);
    const verified = (await t.request({ method: 'GET', url: `/api/v1/verify/${ids.code}` })).json();
    expect(verified.status).toBe('revoked');
    expect(verified.revokedAt).toEqual(expect.any(String));
    const response = await t.request({ method: 'GET', url: pdfUrl(), token: tokens[student] });
    expect(response.statusCode).toBe(200);
    const text = await textOf(response.rawPayload);
    expect(text).toContain('已撤销');
    expect(text).toContain('REVOKED');
  });
});
