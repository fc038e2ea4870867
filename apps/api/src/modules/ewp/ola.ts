/**
 * The learning agreement as the EWP Online Learning Agreement API v1.2 serves it: an
 * `omobility-las-get-response` holding one `la` with the first version, the approved changes
 * and the pending proposal, each with its components and signatures.
 */
import { EwpInputError } from './errors.js';
import type { LearningAgreement, LearningAgreementVersion, MobilityParty, RecognisedComponent, Signature, StudiedComponent, TermOfYear } from './types.js';
import { europeanStudentIdentifier, leaf, namespaces, newDocument, optionalLeaf, serialize, type XMLBuilder } from './xml.js';

export function buildOlaGetResponse(agreement: LearningAgreement): string {
  const root = newDocument(namespaces.las, 'omobility-las-get-response', { trm: namespaces.academicTerm });
  const la = root.ele('la');
  leaf(la, 'omobility-id', agreement.omobilityId);
  addParty(la.ele('sending-hei'), agreement.sending);
  addParty(la.ele('receiving-hei'), agreement.receiving);
  leaf(la, 'receiving-academic-year-id', agreement.receivingAcademicYear);
  addStudent(la.ele('student'), agreement);
  leaf(la, 'start-date', agreement.plannedStart);
  leaf(la, 'end-date', agreement.plannedEnd);
  leaf(la, 'eqf-level-studied-at-departure', agreement.eqfLevel);
  leaf(la, 'isced-f-code', agreement.iscedCode);
  const skill = la.ele('student-language-skill');
  leaf(skill, 'language', agreement.languageOfInstruction.language);
  leaf(skill, 'cefr-level', agreement.languageOfInstruction.level);

  const schemes = agreement.creditSchemes ?? { studied: 'ects', recognised: 'ects' };
  const { firstVersion, approvedChanges, changesProposal } = agreement;
  if (firstVersion) addVersion(la.ele('first-version'), requireSigned(firstVersion, 'The first version'), schemes);
  if (approvedChanges) addVersion(la.ele('approved-changes'), requireSigned(approvedChanges, 'The approved changes'), schemes);
  if (changesProposal) addVersion(la.ele('changes-proposal', { id: changesProposal.proposalId }), requireProposed(changesProposal), schemes);
  optionalLeaf(la, 'learning-outcomes-url', agreement.hostCatalogueUrl);
  return serialize(root);
}

function addParty(element: XMLBuilder, party: MobilityParty): void {
  leaf(element, 'hei-id', party.institution.heiId);
  optionalLeaf(element, 'ounit-name', party.unitName);
  const contact = element.ele('contact-person');
  leaf(contact, 'given-names', party.contact.givenNames);
  leaf(contact, 'family-name', party.contact.familyName);
  leaf(contact, 'email', party.contact.email);
}

/** The learning agreement names the student once, in Latin letters (its name elements carry no language). */
function addStudent(element: XMLBuilder, { student, sending }: LearningAgreement): void {
  leaf(element, 'given-names', student.latinName.givenNames);
  leaf(element, 'family-name', student.latinName.familyName);
  leaf(element, 'global-id', europeanStudentIdentifier(sending.institution.heiId, student.id));
  leaf(element, 'birth-date', student.birthDate);
  leaf(element, 'citizenship', student.citizenship);
  leaf(element, 'gender', student.gender);
  leaf(element, 'email', student.email);
}

type SignedVersion = Omit<LearningAgreementVersion, 'signatures'> & {
  signatures: { student: NonNullable<Signature>; sending: NonNullable<Signature>; receiving: Signature };
};

/** A version in force carries all three signatures; the schema has no place for one that lacks any. */
function requireSigned(version: LearningAgreementVersion, what: string): SignedVersion {
  const { student, sending, receiving } = version.signatures;
  if (!student || !sending || !receiving) throw new EwpInputError(`${what} of the learning agreement needs the student's and both institutions' signatures`);
  return { ...version, signatures: { student, sending, receiving } };
}

/**
 * A proposal reaches the receiving institution only once the student and the sending
 * institution have signed it: before that it is the sending side's own business.
 */
function requireProposed(version: LearningAgreementVersion): SignedVersion {
  const { student, sending, receiving } = version.signatures;
  if (!student || !sending)
    throw new EwpInputError("A changes proposal of the learning agreement needs the student's and the sending institution's signatures");
  return { ...version, signatures: { student, sending, receiving } };
}

function addVersion(element: XMLBuilder, version: SignedVersion, schemes: { studied: string; recognised: string }): void {
  const studied = element.ele('components-studied');
  for (const component of version.studied) addComponent(studied, component, schemes.studied);
  const recognised = element.ele('components-recognized');
  for (const component of version.recognised) addComponent(recognised, component, schemes.recognised);
  // The student signs without a name, position or e-mail: the specification asks those of the institutions only.
  leaf(element.ele('student-signature'), 'timestamp', version.signatures.student.at);
  addSignature(element.ele('sending-hei-signature'), version.signatures.sending);
  if (version.signatures.receiving) addSignature(element.ele('receiving-hei-signature'), version.signatures.receiving);
}

function addSignature(element: XMLBuilder, signature: NonNullable<Signature>): void {
  leaf(element, 'signer-name', signature.by.name);
  optionalLeaf(element, 'signer-position', signature.by.position);
  leaf(element, 'signer-email', signature.by.email);
  leaf(element, 'timestamp', signature.at);
}

const changeStatus = { added: 'inserted', removed: 'deleted' } as const;

function addComponent(list: XMLBuilder, component: StudiedComponent | RecognisedComponent, scheme: string): void {
  const attributes: Record<string, string> = {};
  if (component.change) attributes.status = changeStatus[component.change];
  if (component.change && component.reason) attributes['reason-text'] = component.reason;
  const element = list.ele('component', attributes);
  leaf(element, 'los-code', component.code);
  leaf(element, 'title', component.title);
  if (component.term) addTerm(element.ele('term-id'), component.term);
  const credit = element.ele('credit');
  leaf(credit, 'scheme', scheme);
  leaf(credit, 'value', component.credits);
}

function addTerm(element: XMLBuilder, term: TermOfYear): void {
  element.ele(namespaces.academicTerm, 'trm:term-number').txt(String(term.number));
  element.ele(namespaces.academicTerm, 'trm:total-terms').txt(String(term.of));
}
