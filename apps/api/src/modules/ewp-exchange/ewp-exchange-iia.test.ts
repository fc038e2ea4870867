/**
 * The IIA of each bilateral pair of the demo's tripartite agreement through HTTP: valid against
 * the IIA v7 schema, with its `iia-hash` and the quota lines of both directions; only the
 * administrator and the two partners' staff may have it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iiaHashesOf, validateEwp } from '../ewp/index.js';
import { childElements, childText, only, parseXml } from '../../test/fixtures/ewp.js';
import { createTestContext, problemOf, type TestContext } from '../../test/helper.js';

let t: TestContext;
let agreementId = '';
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};
const heiIds: Record<string, string> = { PSU: 'pnzgu.ru', BUAS: 'bjwlxy.edu.cn', BRI: 'bjtljs.edu.cn' };

beforeAll(async () => {
  t = await createTestContext();
  for (const code of ['PSU', 'BUAS', 'BRI'] as const) ids[code] = await t.institutionId(code);
  tokens.admin = await t.login('admin@exchange.test');
  tokens.psu = await t.login('coordinator@psu.exchange.test');
  tokens.bri = await t.login('coordinator@bri.exchange.test');
  tokens.reviewer = await t.login('reviewer@buas.exchange.test');
  tokens.student = await t.login('student1@psu.exchange.test');
  agreementId = (await t.request({ method: 'GET', url: '/api/v1/agreements', token: tokens.admin })).json().items[0].id;
}, 120_000);
afterAll(() => t?.close());

const iia = (partners: string, token?: string, agreement = agreementId) =>
  t.request({ method: 'GET', url: `/api/v1/agreements/${agreement}/ewp/iia.xml?partners=${partners}`, token });
const pair = (a: string, b: string) => `${ids[a]},${ids[b]}`;

describe('the IIA of a bilateral pair of the tripartite agreement', () => {
  it.each([
    ['PSU', 'BUAS'],
    ['PSU', 'BRI'],
    ['BUAS', 'BRI'],
  ])('writes %s–%s as a valid IIA v7 with its hash and the quota lines of both directions', async (a, b) => {
    const response = await iia(pair(a, b), tokens.admin);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="iia-${a.toLowerCase()}-${b.toLowerCase()}.xml"`);
    expect(await validateEwp('iia-get-response', response.body)).toEqual({ valid: true, errors: [] });

    const document = only(parseXml(response.body), 'iia');
    const partners = childElements(document, 'partner');
    expect(partners.map((partner) => childText(partner, 'hei-id'))).toEqual([heiIds[a], heiIds[b]]);
    // One system keeps the pair for both partners: one id, the same in both copies.
    expect(new Set(partners.map((partner) => childText(partner, 'iia-id'))).size).toBe(1);
    expect(childText(document, 'in-effect')).toBe('true');
    const hash = childText(document, 'iia-hash');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(iiaHashesOf(response.body)).toEqual([hash]);

    const conditions = childElements(only(document, 'cooperation-conditions'), 'student-studies-mobility-spec');
    const directions = new Set(conditions.map((condition) => `${childText(condition, 'sending-hei-id')}→${childText(condition, 'receiving-hei-id')}`));
    expect(directions).toEqual(new Set([`${heiIds[a]}→${heiIds[b]}`, `${heiIds[b]}→${heiIds[a]}`]));
    // The demo plan runs over two academic years.
    expect(conditions.map((condition) => childText(condition, 'receiving-last-academic-year-id'))).toContain('2026/2027');
  });

  it('keeps the same id and hash for the same pair, and gives each pair its own id', async () => {
    const read = async (partners: string) => {
      const document = only(parseXml((await iia(partners, tokens.admin)).body), 'iia');
      return { id: childText(childElements(document, 'partner')[0]!, 'iia-id'), hash: childText(document, 'iia-hash') };
    };
    const first = await read(pair('PSU', 'BUAS'));
    expect(await read(pair('PSU', 'BUAS'))).toEqual(first);
    expect((await read(pair('PSU', 'BRI'))).id).not.toBe(first.id);
    // B's copy names B first: the same agreement from the other side.
    expect((await read(pair('BUAS', 'PSU'))).id).toBe(first.id);
  });

  it('gives the PSU–BUAS line its CEFR level where the scale has one, and leaves the HSK level out', async () => {
    const body = (await iia(pair('PSU', 'BUAS'), tokens.admin)).body;
    const conditions = childElements(only(parseXml(body), 'cooperation-conditions'), 'student-studies-mobility-spec');
    const skill = (sending: string) => {
      const condition = conditions.find((element) => childText(element, 'sending-hei-id') === sending)!;
      const element = childElements(condition, 'recommended-language-skill')[0]!;
      return [childText(element, 'language'), childText(element, 'cefr-level')];
    };
    expect(skill(heiIds.PSU!)).toEqual(['zh', null]);
    expect(skill(heiIds.BUAS!)).toEqual(['ru', 'B1']);
  });
});

describe('who may have an IIA', () => {
  it('gives it to the staff of either partner, and answers anyone else as if it did not exist', async () => {
    expect((await iia(pair('PSU', 'BUAS'), tokens.psu)).statusCode).toBe(200);
    expect((await iia(pair('BRI', 'PSU'), tokens.psu)).statusCode).toBe(200);
    expect((await iia(pair('PSU', 'BUAS'), tokens.reviewer)).statusCode).toBe(200);
    expect(problemOf(await iia(pair('PSU', 'BUAS'), tokens.bri))).toMatchObject({ status: 404, code: 'not_found' });
    expect(problemOf(await iia(pair('BUAS', 'BRI'), tokens.psu)).status).toBe(404);
    expect(problemOf(await iia(pair('PSU', 'BUAS'), tokens.student)).status).toBe(403);
    expect(problemOf(await iia(pair('PSU', 'BUAS'))).status).toBe(401);
  });

  it('takes exactly two different parties of the agreement', async () => {
    for (const partners of [ids.PSU!, pair('PSU', 'PSU'), `${ids.PSU},${ids.BUAS},${ids.BRI}`, 'PSU,BUAS']) {
      const refused = await iia(partners, tokens.admin);
      expect(problemOf(refused), partners).toMatchObject({ status: 400, code: 'validation_failed' });
      expect(problemOf(refused).errors?.[0]?.path).toMatch(/^querystring\.partners/);
    }
    expect(problemOf(await iia(`${ids.PSU},${randomUUID()}`, tokens.admin)).status).toBe(404);
    expect(problemOf(await iia(pair('PSU', 'BUAS'), tokens.admin, randomUUID())).status).toBe(404);
  });
});
