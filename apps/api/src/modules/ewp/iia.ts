/**
 * A bilateral pair of the agreement as the EWP IIAs API v7 serves it: an `iias-get-response`
 * holding one `iia` with the two partners, a `student-studies-mobility-spec` for each run of
 * quota lines, and its `iia-hash`.
 */
import { EwpInputError } from './errors.js';
import { iiaHash } from './iia-hash.js';
import type { AcademicYear, IiaPartner, InterInstitutionalAgreement, QuotaLine } from './types.js';
import { elementOf, leaf, namespaces, newDocument, optionalLeaf, serialize, type XMLBuilder } from './xml.js';

export function buildIiaGetResponse(agreement: InterInstitutionalAgreement): string {
  const root = newDocument(namespaces.iias, 'iias-get-response', { c: namespaces.contact });
  const iia = root.ele('iia');
  for (const partner of agreement.partners) addPartner(iia.ele('partner'), partner);
  leaf(iia, 'in-effect', agreement.inEffect);
  const conditions = iia.ele('cooperation-conditions', agreement.terminated ? { 'terminated-as-a-whole': 'true' } : undefined);
  for (const condition of cooperationConditions(agreement)) addCondition(conditions.ele('student-studies-mobility-spec'), condition);
  // Hashed from the elements just written, so the hash and the document cannot disagree.
  leaf(iia, 'iia-hash', iiaHash(elementOf(iia)));
  optionalLeaf(iia, 'pdf-file', agreement.pdfFile);
  return serialize(root);
}

function addPartner(element: XMLBuilder, partner: IiaPartner): void {
  leaf(element, 'hei-id', partner.institution.heiId);
  optionalLeaf(element, 'iia-id', partner.iiaId);
  optionalLeaf(element, 'iia-code', partner.iiaCode);
  if (partner.signer) {
    const contact = element.ele('signing-contact');
    contact.ele(namespaces.contact, 'c:contact-name').txt(partner.signer.name);
    contact.ele(namespaces.contact, 'c:email').txt(partner.signer.email);
    if (partner.signer.position) contact.ele(namespaces.contact, 'c:role-description').txt(partner.signer.position);
  }
  optionalLeaf(element, 'signing-date', partner.signingDate);
}

/** A cooperation condition: the quota lines of one direction with the same terms, over consecutive years. */
export type CooperationCondition = Omit<QuotaLine, 'academicYear'> & { firstYear: AcademicYear; lastYear: AcademicYear };

const startOf = (year: AcademicYear) => Number(year.slice(0, 4));
// Compares code units, not localeCompare: the order, and so the hash, must not depend on the machine's locale data.
const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What makes two quota lines one condition when their years follow each other. */
function termsOf(line: QuotaLine): string {
  const { sendingHeiId, receivingHeiId, seats, totalMonths, languages, blended = false } = line;
  const eqfLevels = [...line.eqfLevels].sort((a, b) => a - b);
  const iscedCodes = [...line.iscedCodes].sort(ordinal);
  return JSON.stringify({ sendingHeiId, receivingHeiId, seats, totalMonths, languages, blended, eqfLevels, iscedCodes });
}

/**
 * The quota lines as cooperation conditions, in an order that depends on the data only (the
 * hash depends on the order): the first partner's sending first, then by first year and terms.
 * Lines without seats are left out: EWP counts at least one mobility per year.
 */
export function cooperationConditions({ partners, quotaLines }: InterInstitutionalAgreement): CooperationCondition[] {
  const heiIds = partners.map((partner) => partner.institution.heiId);
  const direction = (line: { sendingHeiId: string }) => heiIds.indexOf(line.sendingHeiId);
  for (const line of quotaLines) {
    if (!heiIds.includes(line.sendingHeiId) || !heiIds.includes(line.receivingHeiId) || line.sendingHeiId === line.receivingHeiId) {
      throw new EwpInputError(`A quota line from ${line.sendingHeiId} to ${line.receivingHeiId} is not between the two partners ${heiIds.join(' and ')}`);
    }
    if (line.languages.length === 0) {
      throw new EwpInputError(`The quota line from ${line.sendingHeiId} to ${line.receivingHeiId} in ${line.academicYear} needs a recommended language`);
    }
  }

  const lines = quotaLines
    .filter((line) => line.seats > 0)
    .map((line) => ({ line, terms: termsOf(line) }))
    .sort((a, b) => direction(a.line) - direction(b.line) || ordinal(a.terms, b.terms) || startOf(a.line.academicYear) - startOf(b.line.academicYear));

  const conditions: { condition: CooperationCondition; terms: string }[] = [];
  for (const { line, terms } of lines) {
    const previous = conditions.at(-1);
    if (previous && previous.terms === terms && startOf(previous.condition.lastYear) + 1 === startOf(line.academicYear)) {
      previous.condition.lastYear = line.academicYear;
      continue;
    }
    const { academicYear, ...rest } = line;
    conditions.push({ condition: { ...rest, firstYear: academicYear, lastYear: academicYear }, terms });
  }
  return conditions
    .sort(
      (a, b) => direction(a.condition) - direction(b.condition) || startOf(a.condition.firstYear) - startOf(b.condition.firstYear) || ordinal(a.terms, b.terms),
    )
    .map(({ condition }) => condition);
}

function addCondition(element: XMLBuilder, condition: CooperationCondition): void {
  leaf(element, 'sending-hei-id', condition.sendingHeiId);
  leaf(element, 'receiving-hei-id', condition.receivingHeiId);
  leaf(element, 'receiving-first-academic-year-id', condition.firstYear);
  leaf(element, 'receiving-last-academic-year-id', condition.lastYear);
  leaf(element, 'mobilities-per-year', condition.seats);
  for (const language of condition.languages) {
    const skill = element.ele('recommended-language-skill');
    leaf(skill, 'language', language.language);
    optionalLeaf(skill, 'cefr-level', language.level);
  }
  for (const code of [...condition.iscedCodes].sort(ordinal)) leaf(element.ele('subject-area'), 'isced-f-code', code);
  optionalLeaf(element, 'total-months-per-year', condition.totalMonths);
  leaf(element, 'blended', condition.blended ?? false);
  for (const level of [...condition.eqfLevels].sort((a, b) => a - b)) leaf(element, 'eqf-level', level);
}
