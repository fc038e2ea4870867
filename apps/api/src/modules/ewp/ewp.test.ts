import { describe, expect, it } from 'vitest';
import { directions, learningAgreementFor, nominationFor, officialExample, olaUpdateRequest, transcriptFor } from './ewp.fixtures.js';
import {
  buildOlaGetResponse,
  buildOmobilitiesGetResponse,
  buildTorGetResponse,
  cefrLevelOf,
  EwpDocumentError,
  EwpInputError,
  parseOlaUpdateRequest,
  validateEwp,
  type EwpDocumentKind,
} from './index.js';
import { childElements, childText, descendants, firstChild, parseXml, type XmlElement } from './xml.js';

/** The only element of that name below `parent`; fails the test when there is none or several. */
function only(parent: XmlElement, localName: string): XmlElement {
  const found = descendants(parent).filter((element) => element.localName === localName);
  expect(found, `one ${localName}`).toHaveLength(1);
  return found[0]!;
}

async function expectValid(kind: EwpDocumentKind, xml: string) {
  expect(await validateEwp(kind, xml)).toEqual({ valid: true, errors: [] });
}

describe('validation against the official schemas', () => {
  it('accepts the official example of a learning agreement', async () => {
    await expectValid('ola-get-response', officialExample('omobility-las-v1-get-response-example.xml'));
  });

  it('refuses XML that is not well-formed, saying where', async () => {
    const result = await validateEwp('ola-get-response', '<omobility-las-get-response>\n  <la>\n</omobility-las-get-response>');
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toMatch(/^not well-formed XML: line 3: .*mismatch/);
    expect((await validateEwp('ola-get-response', '')).errors[0]).toMatch(/^not well-formed XML: line 1: Document is empty/);
  });

  it('refuses a document that lacks a required element, naming it', async () => {
    const xml = buildOmobilitiesGetResponse(nominationFor(directions[0]!)).replace(/\s*<status>approved<\/status>/, '');
    const result = await validateEwp('omobilities-get-response', xml);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([expect.stringMatching(/^line \d+: Element 'student-mobility': Missing child element\(s\)\. Expected is \( status \)\.$/)]);
  });

  it('refuses a document in the wrong namespace', async () => {
    const xml = buildOlaGetResponse(learningAgreementFor(directions[0]!)).replace(
      'blob/stable-v1/endpoints/get-response.xsd"',
      'blob/stable-v2/endpoints/get-response.xsd"',
    );
    const result = await validateEwp('ola-get-response', xml);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^line 2: Element '\{.*\/stable-v2\/.*\}omobility-las-get-response': No matching global declaration available for the validation root\.$/,
      ),
    ]);
  });

  it('refuses a document of another kind, even one made of a global element of the same schema', async () => {
    const nomination = buildOmobilitiesGetResponse(nominationFor(directions[0]!));
    expect((await validateEwp('ola-get-response', nomination)).valid).toBe(false);
    const loneStudentMobility = nomination
      .replace(/<omobilities-get-response xmlns="([^"]+)">\s*<student-mobility>/, '<student-mobility xmlns="$1">')
      .replace(/<\/omobilities-get-response>/, '');
    const result = await validateEwp('omobilities-get-response', loneStudentMobility);
    expect(result).toEqual({
      valid: false,
      errors: [expect.stringMatching(/^the root element is \{.*\}student-mobility, not \{.*\}omobilities-get-response$/)],
    });
  });
});

describe.each(directions)('the documents of a mobility $label', (direction) => {
  it('writes the nomination as a valid Outgoing Mobilities v3 response with the student and both institutions', async () => {
    const xml = buildOmobilitiesGetResponse(nominationFor(direction));
    await expectValid('omobilities-get-response', xml);
    const mobility = only(parseXml(xml), 'student-mobility');
    expect(childText(mobility, 'omobility-id')).toBe(direction.omobilityId);
    expect(childText(only(mobility, 'sending-hei'), 'hei-id')).toBe(direction.sending.heiId);
    expect(childText(only(mobility, 'receiving-hei'), 'hei-id')).toBe(direction.receiving.heiId);
    const student = only(mobility, 'student');
    const native = direction.student.nativeName!;
    expect(childElements(student, 'family-name').map((name) => [name.getAttribute('xml:lang'), name.textContent])).toEqual([
      [`${native.lang}-Latn`, direction.student.latinName.familyName],
      [native.lang, native.familyName],
    ]);
    expect(childText(student, 'global-id')).toBe(`urn:schac:personalUniqueCode:int:esi:${direction.sending.heiId}:${direction.student.id}`);
    expect(childText(student, 'gender')).toBe(String(direction.student.gender));
    expect(only(mobility, 'nomination').getAttribute('proposal-id')).toBe('nomination-1');
    expect(childText(mobility, 'status')).toBe('approved');
  });

  it('writes the learning agreement as a valid OLA v1.2 response with the versions, components and signatures', async () => {
    const agreement = learningAgreementFor(direction);
    const xml = buildOlaGetResponse(agreement);
    await expectValid('ola-get-response', xml);
    const la = only(parseXml(xml), 'la');
    expect(childText(la, 'start-date')).toBe('2026-02-23');
    expect(childText(only(la, 'student-language-skill'), 'language')).toBe(direction.language.language);

    const first = only(la, 'first-version');
    const studied = childElements(only(first, 'components-studied'), 'component');
    expect(
      studied.map((component) => [childText(component, 'los-code'), childText(component, 'title'), childText(only(component, 'credit'), 'value')]),
    ).toEqual(direction.courses.map((course) => [course.code, course.title, String(course.credits)]));
    expect(childText(only(studied[0]!, 'term-id'), 'term-number')).toBe('2');
    expect(childElements(only(first, 'components-recognized'), 'component')).toHaveLength(1);
    expect(childText(only(first, 'receiving-hei-signature'), 'signer-name')).toBe(direction.coordinators.receiving.join(' '));

    const proposal = only(la, 'changes-proposal');
    expect(proposal.getAttribute('id')).toBe(agreement.changesProposal!.proposalId);
    const changes = childElements(only(proposal, 'components-studied'), 'component');
    expect(changes.map((component) => component.getAttribute('status'))).toEqual([null, 'inserted', 'deleted']);
    expect(changes[1]!.getAttribute('reason-text')).toBe(`Replaces ${direction.courses[1]!.code}`);
    expect(childText(only(proposal, 'sending-hei-signature'), 'signer-email')).toBe(`international@${direction.sending.heiId}`);
    expect(firstChild(proposal, 'receiving-hei-signature')).toBeUndefined();
  });

  it('writes the transcript as a valid ToR v3 response with an ELMO report of every component', async () => {
    const xml = buildTorGetResponse(transcriptFor(direction));
    await expectValid('tor-get-response', xml);
    const elmo = only(parseXml(xml), 'elmo');
    expect(childText(only(elmo, 'learner'), 'familyName')).toBe(direction.student.latinName.familyName);
    expect(childText(only(elmo, 'issuer'), 'identifier')).toBe(direction.receiving.heiId);
    const components = childElements(only(elmo, 'report'), 'learningOpportunitySpecification');
    expect(
      components.map((component) => {
        const instance = only(component, 'learningOpportunityInstance');
        return [childText(component, 'identifier'), childText(instance, 'resultLabel'), childText(instance, 'status')];
      }),
    ).toEqual([
      [direction.courses[0]!.code, '5', 'passed'],
      [direction.courses[1]!.code, '2', 'failed'],
    ]);
  });
});

describe('what the schemas cannot hold', () => {
  it('refuses to write a first version that the receiving institution has not signed', () => {
    const agreement = learningAgreementFor(directions[0]!);
    agreement.firstVersion!.signatures.receiving = null;
    expect(() => buildOlaGetResponse(agreement)).toThrow(EwpInputError);
  });

  it('refuses to write a proposal that the sending institution has not signed yet', () => {
    const agreement = learningAgreementFor(directions[0]!);
    agreement.changesProposal!.signatures.sending = null;
    expect(() => buildOlaGetResponse(agreement)).toThrow(/sending institution's signature/);
  });
});

describe('language levels', () => {
  it('are given on the CEFR scale where the scale has an official equivalence, and left out otherwise', () => {
    expect(cefrLevelOf({ scale: 'CEFR', level: 'B2' })).toBe('B2');
    expect(cefrLevelOf({ scale: 'TORFL', level: 'TORFL-1' })).toBe('B1');
    expect(cefrLevelOf({ scale: 'HSK', level: '4' })).toBeNull();
  });
});

describe('a learning agreement update request', () => {
  it('reads an approval with its signature', async () => {
    expect(await parseOlaUpdateRequest(olaUpdateRequest('approve-proposal-v1'))).toEqual({
      sendingHeiId: 'pnzgu.ru',
      omobilityId: '0e6f1d9a-4b52-4c0e-a8f3-2d7b91c6e4a5',
      action: 'approve',
      proposalId: 'b6d2f0c4-1e3a-4a5b-9c7d-8e9f0a1b2c3d',
      signature: {
        name: 'Li Na',
        position: 'International office coordinator',
        email: 'international@bjwlxy.edu.cn',
        at: '2026-03-05T10:20:00+08:00',
        app: 'BUAS exchange office',
      },
    });
  });

  it('reads a comment that sends the proposal back', async () => {
    const request = await parseOlaUpdateRequest(olaUpdateRequest('comment-proposal-v1', '\n    <comment>CAL-110 is taught in the autumn term only.</comment>'));
    expect(request).toMatchObject({
      action: 'comment',
      proposalId: 'b6d2f0c4-1e3a-4a5b-9c7d-8e9f0a1b2c3d',
      comment: 'CAL-110 is taught in the autumn term only.',
    });
  });

  it('refuses an action the API does not have, and a comment without its text', async () => {
    const reject = parseOlaUpdateRequest(olaUpdateRequest('reject-proposal-v1'));
    await expect(reject).rejects.toThrow(EwpDocumentError);
    await expect(reject).rejects.toThrow(/reject-proposal-v1/);
    await expect(parseOlaUpdateRequest(olaUpdateRequest('comment-proposal-v1'))).rejects.toMatchObject({
      errors: [expect.stringMatching(/^line \d+: Element 'signature': This element is not expected\. Expected is \( comment \)\.$/)],
    });
  });

  it('refuses a learning agreement sent in place of an update request', async () => {
    await expect(parseOlaUpdateRequest(officialExample('omobility-las-v1-get-response-example.xml'))).rejects.toThrow(/root element/);
  });
});
