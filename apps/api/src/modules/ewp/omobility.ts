/**
 * The nomination as the EWP Outgoing Mobilities API v3 serves it: an `omobilities-get-response`
 * holding one `student-mobility`.
 *
 * The v3 nomination has no planned dates: the stay is placed by the sending institution's term
 * (or marked as outside any term) and the receiving institution's academic year; the dates
 * travel in the learning agreement.
 */
import type { Nomination } from './types.js';
import { europeanStudentIdentifier, leaf, namespaces, namesInScripts, newDocument, optionalLeaf, serialize, type XMLBuilder } from './xml.js';

export function buildOmobilitiesGetResponse(nomination: Nomination): string {
  const root = newDocument(namespaces.omobilities, 'omobilities-get-response');
  const mobility = root.ele('student-mobility');
  leaf(mobility, 'omobility-id', nomination.omobilityId);
  addStudent(mobility.ele('student'), nomination);
  addNomination(mobility.ele('nomination', { 'proposal-id': nomination.proposalId }), nomination);
  leaf(mobility, 'status', nomination.status);
  return serialize(root);
}

function addStudent(element: XMLBuilder, { student, sending }: Nomination): void {
  const names = namesInScripts(student);
  const language = (lang: string | null) => (lang ? { 'xml:lang': lang } : undefined);
  for (const { lang, name } of names) leaf(element, 'given-names', name.givenNames, language(lang));
  for (const { lang, name } of names) leaf(element, 'family-name', name.familyName, language(lang));
  leaf(element, 'global-id', europeanStudentIdentifier(sending.heiId, student.id));
  leaf(element, 'birth-date', student.birthDate);
  leaf(element, 'nationality', student.citizenship);
  leaf(element, 'gender', student.gender);
  leaf(element, 'email', student.email);
}

function addNomination(element: XMLBuilder, nomination: Nomination): void {
  leaf(element.ele('sending-hei'), 'hei-id', nomination.sending.heiId);
  leaf(element.ele('receiving-hei'), 'hei-id', nomination.receiving.heiId);
  if (nomination.sendingTerm) leaf(element, 'sending-academic-term-ewp-id', nomination.sendingTerm);
  else element.ele('non-standard-mobility-period');
  leaf(element, 'receiving-academic-year-id', nomination.receivingAcademicYear);
  leaf(element, 'activity-type', 'student-studies');
  leaf(element, 'activity-attributes', nomination.activity);
  leaf(element, 'agreement-isced-f-code', nomination.agreementIscedCode);
  leaf(element, 'eqf-level-studied-at-departure', nomination.eqfLevel);
  leaf(element, 'nominee-isced-f-code', nomination.nomineeIscedCode);
  optionalLeaf(element, 'comment', nomination.comment);
}
