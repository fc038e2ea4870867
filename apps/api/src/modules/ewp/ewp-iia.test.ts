import { describe, expect, it } from 'vitest';
import { officialExample, psu, psuBuasAgreement } from './ewp.fixtures.js';
import { buildIiaGetResponse, EwpInputError, iiaHashesOf, iiaTextToHash, validateEwp, type InterInstitutionalAgreement } from './index.js';
import { childElements, childText, parseXml } from './xml.js';

const example = officialExample('iias-v7-get-response-example.xml');

/** The hash the document carries for each of its IIAs. */
const carriedHashes = (xml: string) => childElements(parseXml(xml), 'iia').map((iia) => childText(iia, 'iia-hash'));

const hashOf = (agreement: InterInstitutionalAgreement) => carriedHashes(buildIiaGetResponse(agreement))[0];

describe('the iia-hash', () => {
  it('is the one the official example carries', async () => {
    expect(await validateEwp('iia-get-response', example)).toEqual({ valid: true, errors: [] });
    expect(carriedHashes(example)).toEqual(['e950faa83a799cf45839e7915db88ed51575babe7845c1219dfde54ce30a61e4']);
    expect(iiaHashesOf(example)).toEqual(carriedHashes(example));
  });

  it('follows the stylesheet: contacts and not-yet-defined values left out, a v6 ISCED code hashed as it was', () => {
    const text = (xml: string) => iiaTextToHash(childElements(parseXml(xml), 'iia')[0]!);
    const original = text(example);
    expect(
      original.startsWith(
        '_iia-id_1=0f7a5682-faf7-49a7-9cc7-ec486c49a281__iia-id_2=1954991__cooperation-conditions.student-studies-mobility-spec.sending-hei-id=uw.edu.pl_',
      ),
    ).toBe(true);
    const withContact = example.replace(
      '<receiving-hei-id>hibo.no</receiving-hei-id>',
      '<sending-contact><c:contact-name>Anna</c:contact-name></sending-contact><receiving-hei-id>hibo.no</receiving-hei-id>',
    );
    expect(text(withContact)).toBe(original);
    const undefinedSeats = example.replace(
      '<mobilities-per-year>2</mobilities-per-year>',
      '<mobilities-per-year not-yet-defined="true">2</mobilities-per-year>',
    );
    expect(text(undefinedSeats)).toBe(original.replace('_cooperation-conditions.student-studies-mobility-spec.mobilities-per-year=2_', ''));
    const fromV6 = example.replace('<isced-f-code>0314</isced-f-code>', '<isced-f-code v6-value="0314">0311</isced-f-code>');
    expect(text(fromV6)).toBe(original);
    expect(text(example.replace('<cooperation-conditions>', '<cooperation-conditions terminated-as-a-whole="true">'))).toBe(
      `_@terminated-as-a-whole@_${original}`,
    );
  });
});

describe('the IIA of a bilateral pair', () => {
  it.each([
    ['PSU first', psuBuasAgreement()],
    ['BUAS first', { ...psuBuasAgreement(), partners: [...psuBuasAgreement().partners].reverse() as InterInstitutionalAgreement['partners'] }],
  ])('is a valid IIA v7 response with a condition per direction and run of years (%s)', async (_, agreement) => {
    const xml = buildIiaGetResponse(agreement);
    expect(await validateEwp('iia-get-response', xml)).toEqual({ valid: true, errors: [] });
    const iia = childElements(parseXml(xml), 'iia')[0]!;
    expect(childElements(iia, 'partner').map((partner) => childText(partner, 'hei-id'))).toEqual(
      agreement.partners.map((partner) => partner.institution.heiId),
    );
    const conditions = childElements(childElements(iia, 'cooperation-conditions')[0]!, 'student-studies-mobility-spec');
    const summary = conditions.map((condition) => [
      `${childText(condition, 'sending-hei-id')} → ${childText(condition, 'receiving-hei-id')}`,
      `${childText(condition, 'receiving-first-academic-year-id')}–${childText(condition, 'receiving-last-academic-year-id')}`,
      childText(condition, 'mobilities-per-year'),
      childElements(condition, 'eqf-level')
        .map((level) => level.textContent)
        .join(','),
      childElements(condition, 'subject-area')
        .map((area) => childText(area, 'isced-f-code'))
        .join(','),
      childText(condition, 'total-months-per-year'),
    ]);
    const fromPsu = [
      ['pnzgu.ru → bjwlxy.edu.cn', '2025/2026–2026/2027', '4', '6,7', '0222,0231', '20'],
      ['pnzgu.ru → bjwlxy.edu.cn', '2025/2026–2026/2027', '6', '6,7,8', '0231', null],
    ];
    const fromBuas = [['bjwlxy.edu.cn → pnzgu.ru', '2025/2026–2026/2027', '4', '6,7', '0213,0231', '20']];
    expect(summary).toEqual(agreement.partners[0].institution === psu ? [...fromPsu, ...fromBuas] : [...fromBuas, ...fromPsu]);
    // The hash written is the one the stylesheet's walk finds in the document as served.
    expect(carriedHashes(xml)).toEqual(iiaHashesOf(xml));
  });

  it('keeps its hash however the quota lines come, and when nothing hashed changes', () => {
    const agreement = psuBuasAgreement();
    const hash = hashOf(agreement);
    expect(hashOf(psuBuasAgreement())).toBe(hash);
    expect(hashOf({ ...agreement, quotaLines: [...agreement.quotaLines].reverse() })).toBe(hash);
    expect(hashOf({ ...agreement, inEffect: false, pdfFile: 'signed-2025.pdf' })).toBe(hash);
    const [first, second] = agreement.partners;
    expect(hashOf({ ...agreement, partners: [{ ...first, signingDate: '2025-06-01', signer: null }, second] })).toBe(hash);
  });

  it('changes its hash when a cooperation condition changes', () => {
    const agreement = psuBuasAgreement();
    const hash = hashOf(agreement);
    const changed = (change: (line: InterInstitutionalAgreement['quotaLines'][number]) => object, index = 0) =>
      hashOf({ ...agreement, quotaLines: agreement.quotaLines.map((line, i) => (i === index ? { ...line, ...change(line) } : line)) });
    expect(changed(() => ({ seats: 5 }))).not.toBe(hash);
    expect(changed(() => ({ eqfLevels: [6] }))).not.toBe(hash);
    expect(changed(() => ({ iscedCodes: ['0231'] }))).not.toBe(hash);
    expect(changed(() => ({ totalMonths: 24 }))).not.toBe(hash);
    expect(changed(() => ({ languages: [{ language: 'zh', level: 'B2' }] }))).not.toBe(hash);
    expect(hashOf({ ...agreement, quotaLines: agreement.quotaLines.slice(0, 3) })).not.toBe(hash);
    const [first, second] = agreement.partners;
    expect(hashOf({ ...agreement, partners: [first, { ...second, iiaId: 'BUAS-IIA-17' }] })).not.toBe(hash);
    expect(hashOf({ ...agreement, terminated: true })).not.toBe(hash);
  });

  it('refuses quota lines it cannot write', () => {
    const agreement = psuBuasAgreement();
    const [line] = agreement.quotaLines;
    expect(() => buildIiaGetResponse({ ...agreement, quotaLines: [{ ...line!, languages: [] }] })).toThrow(EwpInputError);
    expect(() => buildIiaGetResponse({ ...agreement, quotaLines: [{ ...line!, receivingHeiId: 'bri.example.cn' }] })).toThrow(/not between the two partners/);
    expect(buildIiaGetResponse({ ...agreement, quotaLines: [{ ...line!, seats: 0 }] })).not.toContain('student-studies-mobility-spec');
  });
});
