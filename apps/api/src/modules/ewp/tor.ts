/**
 * The transcript of records as the EWP Incoming Mobility ToRs API v3 serves it: an
 * `imobility-tors-get-response` holding one `tor`, whose content is an EMREX ELMO 2 document
 * (the learner, and one report by the receiving institution with a learning opportunity per
 * component).
 */
import type { Institution, Transcript, TranscriptComponent } from './types.js';
import { europeanStudentIdentifier, fullName, leaf, namespaces, newDocument, serialize, type XMLBuilder } from './xml.js';

export function buildTorGetResponse(transcript: Transcript): string {
  const root = newDocument(namespaces.tors, 'imobility-tors-get-response');
  const tor = root.ele('tor');
  leaf(tor, 'omobility-id', transcript.omobilityId);
  leaf(tor, 'receiving-academic-year-id', transcript.receivingAcademicYear);
  const elmo = tor.ele(namespaces.elmo, 'elmo');
  leaf(elmo, 'generatedDate', transcript.generatedAt);
  addLearner(elmo.ele('learner'), transcript);
  const report = elmo.ele('report');
  addIssuer(report.ele('issuer'), transcript.receiving);
  for (const component of transcript.components) addComponent(report.ele('learningOpportunitySpecification'), component, transcript.creditScheme ?? 'ects');
  leaf(report, 'issueDate', transcript.issuedAt);
  return serialize(root);
}

function addLearner(element: XMLBuilder, { student, sending }: Transcript): void {
  if (student.citizenship) leaf(element, 'citizenship', student.citizenship, { type: 'ISO' });
  leaf(element, 'identifier', europeanStudentIdentifier(sending.heiId, student.id), { type: 'esi' });
  leaf(element, 'givenNames', student.latinName.givenNames);
  leaf(element, 'familyName', student.latinName.familyName);
  // ELMO asks for the name in the student's own script; a name known only in Latin letters is given as it is.
  const native = student.nativeName;
  if (native) leaf(element, 'alternativeName', fullName(native, native.lang), { 'xml:lang': native.lang });
  else leaf(element, 'alternativeName', fullName(student.latinName, null));
  if (student.birthDate) leaf(element, 'dateOfBirth', student.birthDate);
  if (student.gender !== null) leaf(element, 'gender', student.gender);
}

/** ELMO requires the issuer's web address; an EWP heiId is the institution's internet domain. */
function addIssuer(element: XMLBuilder, institution: Institution): void {
  leaf(element, 'country', institution.country, { type: 'ISO' });
  leaf(element, 'identifier', institution.heiId, { type: 'schac' });
  for (const lang of ['en', 'ru', 'zh'] as const) leaf(element, 'title', institution.name[lang], { 'xml:lang': lang });
  leaf(element, 'url', `https://${institution.heiId}/`);
}

function addComponent(element: XMLBuilder, component: TranscriptComponent, creditScheme: string): void {
  leaf(element, 'identifier', component.code, { type: 'local' });
  leaf(element, 'title', component.title);
  leaf(element, 'type', 'Course');
  const instance = element.ele('specifies').ele('learningOpportunityInstance');
  leaf(instance, 'date', component.date);
  leaf(instance, 'status', component.passed ? 'passed' : 'failed');
  leaf(instance, 'resultLabel', component.grade);
  const credit = instance.ele('credit');
  leaf(credit, 'scheme', creditScheme);
  leaf(credit, 'value', component.credits);
}
