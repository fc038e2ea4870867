/**
 * A mobility's EWP documents through HTTP, in both directions: a PSU student at BUAS (nominated,
 * admitted, learning agreement signed and a change proposed, transcript recorded through the
 * API) and the demo's BUAS student at PSU. Each document validates against its official schema
 * and carries the values given; the receiving side's downloads are in the audit log; no one
 * outside the two offices and the administrator gets them; a student's identity gap is named.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications } from '@exchange/db';
import { validateEwp, type EwpDocumentKind } from '../ewp/index.js';
import { all, childElements, childText, only, parseXml, type XmlElement } from '../../test/fixtures/ewp.js';
import { admittedMobility } from '../../test/fixtures/mobilities.js';
import { nominationsFixture } from '../../test/fixtures/nominations.js';
import { problemOf } from '../../test/helper.js';

const { f } = nominationsFixture();
const student = 'student1@psu.exchange.test';
const kinds: Record<string, EwpDocumentKind> = { omobility: 'omobilities-get-response', 'learning-agreement': 'ola-get-response', tor: 'tor-get-response' };

/** The document, checked to be a valid XML attachment of its kind. */
async function download(id: string, document: keyof typeof kinds, token: string | undefined) {
  const response = await f.t.request({ method: 'GET', url: `/api/v1/mobilities/${id}/ewp/${document}.xml`, token });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
  expect(response.headers['content-disposition']).toBe(`attachment; filename="${document}-${id}.xml"`);
  expect(await validateEwp(kinds[document]!, response.body)).toEqual({ valid: true, errors: [] });
  return parseXml(response.body);
}
const texts = (parent: XmlElement, name: string) => all(parent, name).map((element) => element.textContent);
const named = (parent: XmlElement, name: string) => childElements(parent, name).map((element) => [element.getAttribute('xml:lang'), element.textContent]);
const components = (list: XmlElement) =>
  childElements(list, 'component').map((component) => [
    childText(component, 'los-code'),
    component.getAttribute('status'),
    childText(only(component, 'credit'), 'scheme'),
  ]);
const exports = async (id: string) =>
  (await f.t.request({ method: 'GET', url: `/api/v1/audit?entityId=${id}&limit=100`, token: f.tokens.admin }))
    .json()
    .items.filter((entry: { action: string }) => entry.action === 'ewp.export');

describe('the EWP documents of a PSU student’s semester at BUAS', () => {
  let id = '';
  const la = (path: string, token: string | undefined, payload?: object) =>
    f.t.request({
      method: path === '' ? 'GET' : path === '/draft' ? 'PUT' : 'POST',
      url: `/api/v1/mobilities/${id}/learning-agreement${path}`,
      token,
      payload,
    });
  const autumn = [
    { code: 'CHN101', title: '汉语综合（初级）', credits: 4, term: '2026 秋季学期' },
    { code: 'CUL110', title: '中国文化概论', credits: 2, term: 'Autumn 2026' },
  ];
  const draft = {
    studied: autumn,
    recognised: [{ code: 'Б1.В.07', title: 'Китайский язык', credits: 5 }],
    languageOfInstruction: { language: 'zh', scale: 'HSK', level: '4' },
    hostCatalogueUrl: 'https://www.bjwlxy.edu.cn/courses',
  };

  it('writes the nomination with the student’s names in both scripts, the term and the proposal', async () => {
    const admitted = await admittedMobility(f, { student, quotaId: f.toBuas, host: 'buas' });
    id = admitted.mobilityId;
    await f.t.database.db.update(applications).set({ fullNameLatin: 'Anna Petrova' }).where(eq(applications.id, f.ids[student]!));
    const { proposalId } = (await f.t.request({ method: 'GET', url: `/api/v1/nominations/${admitted.nominationId}`, token: f.tokens.psu })).json();

    const mobility = only(await download(id, 'omobility', f.tokens.buas), 'student-mobility');
    expect(childText(mobility, 'omobility-id')).toBe(id);
    expect(only(mobility, 'nomination').getAttribute('proposal-id')).toBe(proposalId);
    expect([childText(only(mobility, 'sending-hei'), 'hei-id'), childText(only(mobility, 'receiving-hei'), 'hei-id')]).toEqual(['pnzgu.ru', 'bjwlxy.edu.cn']);
    const person = only(mobility, 'student');
    expect(named(person, 'given-names')).toEqual([
      ['ru-Latn', 'Anna'],
      ['ru', 'Анна'],
    ]);
    expect(named(person, 'family-name')).toEqual([
      ['ru-Latn', 'Petrova'],
      ['ru', 'Петрова'],
    ]);
    expect([childText(person, 'birth-date'), childText(person, 'nationality'), childText(person, 'gender')]).toEqual(['2004-03-10', 'RU', '1']);
    expect(texts(mobility, 'sending-academic-term-ewp-id')).toEqual(['2025/2026-1/2']);
    expect(texts(mobility, 'nominee-isced-f-code')).toEqual(['0716']);
    expect(childText(mobility, 'status')).toBe('approved');
  });

  it('writes the learning agreement once signed, with the signed first version and the change awaiting BUAS', async () => {
    expect(problemOf(await f.t.request({ method: 'GET', url: `/api/v1/mobilities/${id}/ewp/learning-agreement.xml`, token: f.tokens.psu }))).toMatchObject({
      status: 409,
      code: 'no_learning_agreement',
    });
    expect((await la('/draft', f.tokens[student], draft)).statusCode).toBe(200);
    const first = (await la('/propose', f.tokens[student])).json().pending.proposalId;
    for (const office of ['psu', 'buas']) expect((await la('/approve', f.tokens[office], { proposalId: first })).statusCode).toBe(200);
    const change = {
      ...draft,
      studied: [
        autumn[0],
        { ...autumn[1], change: 'removed', reason: 'Timetable clash' },
        { code: 'CAL120', title: '书法', credits: 2, term: '2027 春季学期', change: 'added', reason: 'Replaces the culture course' },
      ],
    };
    expect((await la('/draft', f.tokens[student], change)).statusCode).toBe(200);
    const proposalId = (await la('/propose', f.tokens[student])).json().pending.proposalId;
    expect((await la('/approve', f.tokens.psu, { proposalId })).statusCode).toBe(200);

    const agreement = only(await download(id, 'learning-agreement', f.tokens.buas), 'la');
    expect([childText(agreement, 'start-date'), childText(agreement, 'end-date')]).toEqual(['2026-09-01', '2026-12-20']);
    // HSK 4, approximated on the CEFR scale the OLA requires.
    expect([texts(agreement, 'language'), texts(agreement, 'cefr-level')]).toEqual([['zh'], ['B2']]);
    const firstVersion = only(agreement, 'first-version');
    expect(components(only(firstVersion, 'components-studied'))).toEqual([
      ['CHN101', null, '学分'],
      ['CUL110', null, '学分'],
    ]);
    expect(components(only(firstVersion, 'components-recognized'))).toEqual([['Б1.В.07', null, 'з.е.']]);
    expect(texts(firstVersion, 'term-number')).toEqual(['1', '1']);
    expect(childText(only(firstVersion, 'receiving-hei-signature'), 'signer-name')).toBe('王丽华');
    expect(childText(only(firstVersion, 'sending-hei-signature'), 'signer-email')).toBe('coordinator@psu.exchange.test');

    const proposal = only(agreement, 'changes-proposal');
    expect(proposal.getAttribute('id')).toBe(proposalId);
    expect(components(only(proposal, 'components-studied'))).toEqual([
      ['CHN101', null, '学分'],
      ['CUL110', 'deleted', '学分'],
      ['CAL120', 'inserted', '学分'],
    ]);
    expect(texts(proposal, 'term-number')).toEqual(['1', '1', '2']);
    expect(all(proposal, 'receiving-hei-signature')).toHaveLength(0);
    const contact = only(only(agreement, 'sending-hei'), 'contact-person');
    expect([childText(contact, 'given-names'), childText(contact, 'family-name'), childText(contact, 'email')]).toEqual([
      'Ирина Сергеевна',
      'Волкова',
      'coordinator@psu.exchange.test',
    ]);
    expect(childText(agreement, 'learning-outcomes-url')).toBe('https://www.bjwlxy.edu.cn/courses');
  });

  it('writes the transcript once BUAS has recorded it, with the grades on its scale', async () => {
    expect(problemOf(await f.t.request({ method: 'GET', url: `/api/v1/mobilities/${id}/ewp/tor.xml`, token: f.tokens.buas }))).toMatchObject({
      status: 409,
      code: 'no_transcript',
    });
    expect(
      (await f.t.request({ method: 'POST', url: `/api/v1/mobilities/${id}/arrival`, token: f.tokens.buas, payload: { date: '2026-09-01' } })).statusCode,
    ).toBe(200);
    const transcript = {
      issuedOn: '2026-12-10',
      components: [
        { code: 'CHN101', title: '汉语综合（初级）', credits: 4, grade: '86', date: '2026-12-01' },
        { code: 'CAL120', title: '书法', credits: 2, grade: '59', date: '2026-12-02' },
      ],
    };
    expect((await f.t.request({ method: 'PUT', url: `/api/v1/mobilities/${id}/transcript`, token: f.tokens.buas, payload: transcript })).statusCode).toBe(200);

    const elmo = only(await download(id, 'tor', f.tokens.psu), 'elmo');
    const learner = only(elmo, 'learner');
    expect([childText(learner, 'givenNames'), childText(learner, 'familyName'), childText(learner, 'dateOfBirth')]).toEqual(['Anna', 'Petrova', '2004-03-10']);
    expect(named(learner, 'alternativeName')).toEqual([['ru', 'Анна Петрова']]);
    expect(childText(only(elmo, 'issuer'), 'identifier')).toBe('bjwlxy.edu.cn');
    expect(childText(only(elmo, 'report'), 'issueDate')).toBe('2026-12-10T00:00:00+08:00');
    const results = all(elmo, 'learningOpportunitySpecification').map((spec) => [
      childText(spec, 'identifier'),
      childText(only(spec, 'learningOpportunityInstance'), 'resultLabel'),
      childText(only(spec, 'learningOpportunityInstance'), 'status'),
      childText(only(spec, 'credit'), 'scheme'),
    ]);
    expect(results).toEqual([
      ['CHN101', '86', 'passed', '学分'],
      ['CAL120', '59', 'failed', '学分'],
    ]);
  });

  it('puts every download by the receiving side in the audit log, and none by the sending side or the administrator', async () => {
    const entries = await exports(id);
    expect(entries.map((entry: { after: { document: string } }) => entry.after.document).sort()).toEqual(['learning-agreement', 'omobility']);
    expect(new Set(entries.map((entry: { institutionId: string }) => entry.institutionId))).toEqual(new Set([f.buas]));
    await download(id, 'tor', f.tokens.buas);
    await download(id, 'omobility', f.tokens.admin);
    expect((await exports(id)).length).toBe(3);
  });

  it('gives them to the two offices’ staff and the administrator only', async () => {
    await download(id, 'omobility', await f.t.login('reviewer@buas.exchange.test'));
    for (const document of Object.keys(kinds)) {
      const url = `/api/v1/mobilities/${id}/ewp/${document}.xml`;
      expect(problemOf(await f.t.request({ method: 'GET', url, token: f.tokens.bri })), document).toMatchObject({ status: 404, code: 'not_found' });
      expect(problemOf(await f.t.request({ method: 'GET', url, token: f.tokens[student] })).status).toBe(403);
      expect(problemOf(await f.t.request({ method: 'GET', url })).status).toBe(401);
    }
  });
});

describe('the EWP documents of the demo’s BUAS student at PSU', () => {
  let id = '';

  it('writes the nomination with the Chinese name in both scripts', async () => {
    const incoming = (await f.t.request({ method: 'GET', url: '/api/v1/mobilities?direction=incoming', token: f.tokens.psu })).json();
    id = incoming.items.find((item: { student: { fullNameLatin: string } }) => item.student.fullNameLatin === 'Zhang Wei').id;
    const mobility = only(await download(id, 'omobility', f.tokens.psu), 'student-mobility');
    expect([childText(only(mobility, 'sending-hei'), 'hei-id'), childText(only(mobility, 'receiving-hei'), 'hei-id')]).toEqual(['bjwlxy.edu.cn', 'pnzgu.ru']);
    const person = only(mobility, 'student');
    expect(named(person, 'family-name')).toEqual([
      ['zh-Latn', 'Zhang'],
      ['zh', '张'],
    ]);
    expect(named(person, 'given-names')).toEqual([
      ['zh-Latn', 'Wei'],
      ['zh', '伟'],
    ]);
    expect(childText(person, 'nationality')).toBe('CN');
  });

  it('writes the learning agreement: the change shows once BUAS, the sending office, has signed it', async () => {
    const before = only(await download(id, 'learning-agreement', f.tokens.psu), 'la');
    expect(all(before, 'changes-proposal')).toHaveLength(0);
    expect(components(only(only(before, 'first-version'), 'components-studied')).map(([code]) => code)).toEqual(['Б1.О.12', 'Б1.В.05', 'Б1.В.09']);

    const url = `/api/v1/mobilities/${id}/learning-agreement`;
    const { proposalId } = (await f.t.request({ method: 'GET', url, token: f.tokens.buas })).json().pending;
    expect((await f.t.request({ method: 'POST', url: `${url}/approve`, token: f.tokens.buas, payload: { proposalId } })).statusCode).toBe(200);

    const agreement = only(await download(id, 'learning-agreement', f.tokens.psu), 'la');
    expect([texts(agreement, 'language'), texts(agreement, 'cefr-level')]).toEqual([['ru'], ['B1']]);
    const proposal = only(agreement, 'changes-proposal');
    expect(proposal.getAttribute('id')).toBe(proposalId);
    expect(components(only(proposal, 'components-studied')).map(([code, status, scheme]) => [code, status, scheme])).toEqual([
      ['Б1.О.12', null, 'з.е.'],
      ['Б1.В.05', null, 'з.е.'],
      ['Б1.В.09', 'deleted', 'з.е.'],
      ['Б1.В.11', 'inserted', 'з.е.'],
    ]);
    expect(components(only(proposal, 'components-recognized')).map(([, , scheme]) => scheme)).toEqual(['学分', '学分']);
    expect(texts(only(proposal, 'components-studied'), 'term-number')).toEqual(['1', '1', '1', '1']);
  });

  it('writes the transcript PSU records, on the 5-point scale', async () => {
    const transcript = {
      issuedOn: '2026-12-15',
      components: [{ code: 'Б1.О.12', title: 'Русский язык как иностранный', credits: 6, grade: '5', date: '2026-12-10' }],
    };
    expect((await f.t.request({ method: 'PUT', url: `/api/v1/mobilities/${id}/transcript`, token: f.tokens.psu, payload: transcript })).statusCode).toBe(200);
    const elmo = only(await download(id, 'tor', f.tokens.buas), 'elmo');
    expect(named(only(elmo, 'learner'), 'alternativeName')).toEqual([['zh', '张伟']]);
    expect(childText(only(elmo, 'report'), 'issueDate')).toBe('2026-12-15T00:00:00+03:00');
    expect(texts(elmo, 'resultLabel')).toEqual(['5']);
    expect(texts(only(elmo, 'credit'), 'scheme')).toEqual(['з.е.']);
  });

  it('names what the student’s identity lacks where the schema requires it, and leaves it out where ELMO allows', async () => {
    const [row] = await f.t.database.db.select({ id: applications.id }).from(applications).where(eq(applications.fullNameLatin, 'Zhang Wei'));
    await f.t.database.db.update(applications).set({ birthDate: null, sex: null }).where(eq(applications.id, row!.id));
    const refused = await f.t.request({ method: 'GET', url: `/api/v1/mobilities/${id}/ewp/omobility.xml`, token: f.tokens.psu });
    expect(problemOf(refused)).toMatchObject({ status: 409, code: 'incomplete_identity', detail: expect.stringContaining('birthDate, sex') });
    expect(refused.json().missing).toEqual([{ item: 'birthDate' }, { item: 'sex' }]);
    const learner = only(await download(id, 'tor', f.tokens.psu), 'learner');
    expect([all(learner, 'dateOfBirth'), all(learner, 'gender')]).toEqual([[], []]);
    expect(childText(learner, 'citizenship')).toBe('CN');
  });
});
