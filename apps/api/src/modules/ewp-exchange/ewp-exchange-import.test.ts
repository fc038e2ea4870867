/**
 * The receiving office imports its EWP node's decision on a learning agreement proposal through
 * HTTP, on the demo data: BUAS approves the pending change of the PSU student it hosts, then
 * sends the next one back with a comment; PSU, hosting a BUAS student, may not sign before BUAS.
 * Anything that is not a valid update request about this mobility is refused with what is wrong,
 * and nothing is written.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateEwp } from '../ewp/index.js';
import { all, only, parseXml, updateRequest } from '../../test/fixtures/ewp.js';
import { createTestContext, problemOf, type TestContext } from '../../test/helper.js';

let t: TestContext;
const tokens: Record<string, string> = {};
/** Dmitrii Ivanov, PSU → BUAS: a change proposal signed by the student and PSU awaits BUAS. */
let toBuas = '';
/** Zhang Wei, BUAS → PSU: a change proposal awaits BUAS itself, the sending office. */
let toPsu = '';

beforeAll(async () => {
  t = await createTestContext();
  for (const [key, email] of Object.entries({
    psu: 'coordinator@psu.exchange.test',
    buas: 'coordinator@buas.exchange.test',
    bri: 'coordinator@bri.exchange.test',
    student: 'student2@psu.exchange.test',
  })) {
    tokens[key] = await t.login(email);
  }
  const incoming = async (token: string, latin: string) =>
    (await t.request({ method: 'GET', url: '/api/v1/mobilities?direction=incoming', token }))
      .json()
      .items.find((item: { student: { fullNameLatin: string } }) => item.student.fullNameLatin === latin).id as string;
  toBuas = await incoming(tokens.buas!, 'Dmitrii Ivanov');
  toPsu = await incoming(tokens.psu!, 'Zhang Wei');
}, 120_000);
afterAll(() => t?.close());

const agreementOf = async (id: string) => (await t.request({ method: 'GET', url: `/api/v1/mobilities/${id}/learning-agreement`, token: tokens.buas })).json();
const importXml = (id: string, body: string, token = tokens.buas, contentType = 'application/xml') =>
  t.request({ method: 'POST', url: `/api/v1/mobilities/${id}/ewp/learning-agreement`, token, payload: body, headers: { 'content-type': contentType } });
const request = (id: string, proposalId: string, extra: Partial<Parameters<typeof updateRequest>[0]> = {}) =>
  updateRequest({ sendingHeiId: 'pnzgu.ru', omobilityId: id, proposalId, ...extra });

describe('an update request that is refused', () => {
  it('is not well-formed XML: 400 with the parser’s message, and nothing changes', async () => {
    const before = await agreementOf(toBuas);
    const broken = await importXml(toBuas, request(toBuas, before.pending.proposalId).replace('</changes-proposal-id>', ''));
    expect(problemOf(broken)).toMatchObject({ status: 400, code: 'xml_not_well_formed' });
    expect(problemOf(broken).errors?.[0]).toMatchObject({
      path: 'body',
      code: 'not_well_formed',
      message: expect.stringMatching(/^not well-formed XML: line \d+/),
    });
    expect(problemOf(await importXml(toBuas, '')).code).toBe('xml_not_well_formed');
    expect(await agreementOf(toBuas)).toEqual(before);
  });

  it('is not valid against the update request schema: 422 listing the schema’s messages', async () => {
    const before = await agreementOf(toBuas);
    const commentless = await importXml(toBuas, request(toBuas, before.pending.proposalId, { action: 'comment-proposal-v1' }));
    expect(problemOf(commentless)).toMatchObject({ status: 422, code: 'invalid_ewp_document' });
    expect(problemOf(commentless).errors).toEqual([
      {
        path: 'body',
        code: 'schema',
        message: expect.stringMatching(/^line \d+: Element 'signature': This element is not expected\. Expected is \( comment \)\.$/),
      },
    ]);
    const learningAgreement = (await t.request({ method: 'GET', url: `/api/v1/mobilities/${toBuas}/ewp/learning-agreement.xml`, token: tokens.buas })).body;
    const wrongDocument = await importXml(toBuas, learningAgreement);
    expect(problemOf(wrongDocument)).toMatchObject({ status: 422, code: 'invalid_ewp_document' });
    expect(problemOf(wrongDocument).errors?.[0]?.message).toMatch(/omobility-las-get-response/);
    expect(await agreementOf(toBuas)).toEqual(before);
  });

  it('is about another mobility or from another sending institution: 422 naming it', async () => {
    const before = await agreementOf(toBuas);
    const elsewhere = await importXml(toBuas, request(toPsu, before.pending.proposalId));
    expect(problemOf(elsewhere)).toMatchObject({ status: 422, code: 'wrong_mobility' });
    expect(problemOf(elsewhere).errors).toEqual([{ path: 'body.omobility-id', code: 'wrong_mobility', message: expect.stringContaining(toPsu) }]);
    const fromBri = await importXml(toBuas, request(toBuas, before.pending.proposalId, { sendingHeiId: 'bjtljs.edu.cn' }));
    expect(problemOf(fromBri)).toMatchObject({ status: 422, code: 'wrong_sending_hei', detail: expect.stringContaining('pnzgu.ru') });
    expect(await agreementOf(toBuas)).toEqual(before);
  });

  it('acts on a proposal that is not the pending one: 409, as the JSON route answers', async () => {
    const stale = await importXml(toBuas, request(toBuas, randomUUID()));
    expect(problemOf(stale)).toMatchObject({ status: 409, code: 'stale_proposal' });
    expect(problemOf(await importXml(toBuas, request(toBuas, 'not-a-proposal-id'))).code).toBe('stale_proposal');
  });

  it('comes before the sending office has signed: 409 awaiting_sending', async () => {
    const { pending } = await agreementOf(toPsu);
    expect(pending.awaiting).toBe('sending');
    const early = await importXml(toPsu, request(toPsu, pending.proposalId, { sendingHeiId: 'bjwlxy.edu.cn' }), tokens.psu);
    expect(problemOf(early)).toMatchObject({ status: 409, code: 'awaiting_sending' });
    expect((await agreementOf(toPsu)).pending.signatures.receiving).toBeNull();
  });

  it('comes from anyone but the receiving office, or as JSON', async () => {
    const { pending } = await agreementOf(toBuas);
    const body = request(toBuas, pending.proposalId);
    expect(problemOf(await importXml(toBuas, body, tokens.psu))).toMatchObject({ status: 403 });
    expect(problemOf(await importXml(toBuas, body, tokens.bri))).toMatchObject({ status: 404 });
    expect(problemOf(await importXml(toBuas, body, tokens.student))).toMatchObject({ status: 403 });
    expect(problemOf(await importXml(randomUUID(), body))).toMatchObject({ status: 404 });
    const json = await t.request({ method: 'POST', url: `/api/v1/mobilities/${toBuas}/ewp/learning-agreement`, token: tokens.buas, payload: { xml: body } });
    expect(problemOf(json)).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    const huge = await importXml(toBuas, body.replace('<signature>', `<!--${'x'.repeat(200 * 1024)}--><signature>`));
    expect(problemOf(huge).status).toBe(413);
    expect((await agreementOf(toBuas)).pending.proposalId).toBe(pending.proposalId);
  });
});

describe('an update request that is taken', () => {
  it('approves the pending proposal: the receiving office’s signature puts it in force', async () => {
    const { pending } = await agreementOf(toBuas);
    const approved = await importXml(toBuas, request(toBuas, pending.proposalId), tokens.buas, 'text/xml; charset=utf-8');
    expect(approved.statusCode).toBe(200);
    const agreement = approved.json();
    expect(agreement).toMatchObject({ status: 'signed', pending: null, inForce: { number: 2, proposalId: pending.proposalId, status: 'signed' } });
    expect(agreement.inForce.signatures.receiving).toMatchObject({ by: { name: '王丽华' } });

    // The EWP document now carries the change as approved, and no proposal.
    const xml = (await t.request({ method: 'GET', url: `/api/v1/mobilities/${toBuas}/ewp/learning-agreement.xml`, token: tokens.psu })).body;
    expect(await validateEwp('ola-get-response', xml)).toEqual({ valid: true, errors: [] });
    const approvedChanges = only(parseXml(xml), 'approved-changes');
    expect(all(approvedChanges, 'component').map((component) => component.getAttribute('status'))).toContain('inserted');
    expect(all(parseXml(xml), 'changes-proposal')).toHaveLength(0);
    // Acting on it again: it is no longer pending.
    expect(problemOf(await importXml(toBuas, request(toBuas, pending.proposalId))).code).toBe('stale_proposal');
  });

  it('sends the next proposal back to the student with the partner’s comment', async () => {
    const { inForce } = await agreementOf(toBuas);
    const kept = inForce.studied.filter((c: { change: string | null }) => c.change !== 'removed').map((c: object) => ({ ...c, change: null, reason: null }));
    const draft = {
      studied: [...kept, { code: 'CHN3101', title: '汉语写作', credits: 2, term: '2026 秋季学期', change: 'added', reason: 'Writing practice' }],
      recognised: inForce.recognised.map((c: object) => ({ ...c, change: null, reason: null })),
      languageOfInstruction: inForce.languageOfInstruction,
      hostCatalogueUrl: inForce.hostCatalogueUrl,
      homeCatalogueUrl: inForce.homeCatalogueUrl,
    };
    const url = `/api/v1/mobilities/${toBuas}/learning-agreement`;
    expect((await t.request({ method: 'PUT', url: `${url}/draft`, token: tokens.student, payload: draft })).statusCode).toBe(200);
    const proposalId = (await t.request({ method: 'POST', url: `${url}/propose`, token: tokens.student })).json().pending.proposalId;
    expect((await t.request({ method: 'POST', url: `${url}/approve`, token: tokens.psu, payload: { proposalId } })).statusCode).toBe(200);

    const returned = await importXml(toBuas, request(toBuas, proposalId, { comment: 'CHN3101 is taught in the spring term only.' }));
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'signed', pending: null, inForce: { number: 2 }, draft: { kind: 'changes' } });
    expect(returned.json().history.at(-1)).toMatchObject({
      proposalId,
      status: 'returned',
      comment: { side: 'receiving', text: 'CHN3101 is taught in the spring term only.' },
    });
  });
});
