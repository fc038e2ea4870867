/**
 * The EWP documents of the system's data, and the partner's decisions received as EWP XML: a
 * mobility's nomination (Outgoing Mobilities v3), learning agreement (OLA v1.2) and transcript
 * (ToR v3), the IIA v7 of a bilateral pair of the agreement, and an OLA update request, which
 * signs or sends back a proposal by the rules of the learning agreement itself.
 *
 * Both offices of a mobility and the administrator may export its documents; any other caller
 * is told the mobility does not exist. The receiving side reading the student's identity this
 * way is in the audit log, as on the mobility's page.
 */
import type { Database } from '@exchange/db';
import { inZone, isStaffOf, learningAgreementComment, mobilitySide, zonedLocalToInstant, type Actor } from '@exchange/shared';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import type { Clock } from '../../lib/clock.js';
import {
  buildIiaGetResponse,
  buildOlaGetResponse,
  buildOmobilitiesGetResponse,
  buildTorGetResponse,
  EwpDocumentError,
  EwpInputError,
  parseOlaUpdateRequest,
  type EqfLevel,
} from '../ewp/index.js';
import { iiaOf, institutionOf, learnerOf, nominationOf, partyOf, studentOf } from './ewp-documents.js';
import {
  findAgreement,
  findMobility,
  findTranscript,
  firstCoordinator,
  institutionsByIds,
  linesBetween,
  listProposals,
  usersByIds,
  type InstitutionRow,
  type MobilityRow,
} from './ewp-exchange.repository.js';
import { approximateCefrLevel, creditSchemeOf, olaVersions } from './ewp-mapping.js';
import type { LearningAgreementDecisions } from './ports.js';

type Dependencies = { db: Database; clock: Clock; learningAgreements: LearningAgreementDecisions };
type View = { row: MobilityRow; side: 'sending' | 'receiving' | 'admin'; sending: InstitutionRow; receiving: InstitutionRow };
export type XmlDocument = { xml: string; fileName: string };

/** A builder refusing its input is a state of the data the offices can fix, not a failure of ours. */
function written(build: () => string): string {
  try {
    return build();
  } catch (error) {
    if (error instanceof EwpInputError) throw conflict('ewp_incomplete', error.message);
    throw error;
  }
}

/** The update request, or the problem that says what is wrong with it: 400 when it is not XML at all, 422 otherwise. */
async function readUpdateRequest(xml: string) {
  try {
    return await parseOlaUpdateRequest(xml);
  } catch (error) {
    if (!(error instanceof EwpDocumentError)) throw error;
    if (error.errors.length === 0) throw unprocessable('unsupported_ewp_update', error.message);
    const notWellFormed = error.errors.some((line) => line.startsWith('not well-formed XML'));
    const errors = error.errors.map((message) => ({ path: 'body', code: notWellFormed ? 'not_well_formed' : 'schema', message }));
    if (notWellFormed) throw new AppError(400, 'xml_not_well_formed', `The body is not well-formed XML: ${error.errors[0]}`, { errors });
    throw unprocessable('invalid_ewp_document', `The body is not a valid OLA v1.2 omobility-las-update-request: ${error.errors[0]}`, { errors });
  }
}

export function createEwpExchangeService({ db, clock, learningAgreements }: Dependencies) {
  async function partiesOf(row: MobilityRow) {
    const rows = await institutionsByIds(db, [row.sendingInstitutionId, row.receivingInstitutionId]);
    const byId = new Map(rows.map((institution) => [institution.id, institution]));
    return { sending: byId.get(row.sendingInstitutionId)!, receiving: byId.get(row.receivingInstitutionId)! };
  }

  /** The mobility as one of its offices or the administrator sees it; anyone else is told it does not exist. */
  async function view(actor: Actor, mobilityId: string): Promise<View> {
    const row = await findMobility(db, mobilityId);
    const side = row && mobilitySide(actor, row);
    if (!row || !side || side === 'student') throw notFound('mobility');
    return { row, side, ...(await partiesOf(row)) };
  }

  /** The receiving side reading the student's identity is on record (`mobility.identity_read` is the page's). */
  async function exported(who: Who, { row, side }: View, document: string) {
    if (side !== 'receiving') return;
    await writeAudit(db, who, {
      action: 'ewp.export',
      entityType: 'mobility',
      entityId: row.id,
      institutionId: row.receivingInstitutionId,
      after: { document },
    });
  }

  /** The contact of one side: its latest signer, else its longest-standing active coordinator. */
  async function contactOf(institution: InstitutionRow, signers: { fullName: string; email: string }[]) {
    const person = signers.at(-1) ?? (await firstCoordinator(db, institution.id));
    if (!person) throw conflict('no_contact', `${institution.code} has no active coordinator to name as the learning agreement's contact.`);
    return person;
  }

  return {
    async omobility(who: Who, mobilityId: string): Promise<XmlDocument> {
      const found = await view(who.actor, mobilityId);
      const xml = written(() => buildOmobilitiesGetResponse(nominationOf(found.row, found.sending, found.receiving)));
      await exported(who, found, 'omobility');
      return { xml, fileName: `omobility-${mobilityId}.xml` };
    },

    async learningAgreement(who: Who, mobilityId: string): Promise<XmlDocument> {
      const found = await view(who.actor, mobilityId);
      const { row, sending, receiving } = found;
      const rows = await listProposals(db, mobilityId);
      const signatures = rows.flatMap((version) => [version.studentSignature, version.sendingSignature, version.receivingSignature]);
      const people = new Map((await usersByIds(db, [...new Set(signatures.flatMap((s) => (s ? [s.userId] : [])))])).map((user) => [user.id, user]));
      const signersOf = (key: 'sendingSignature' | 'receivingSignature') =>
        rows.flatMap((version) => {
          const person = version[key] && people.get(version[key].userId);
          return person ? [person] : [];
        });
      const [sendingContact, receivingContact] = [
        await contactOf(sending, signersOf('sendingSignature')),
        await contactOf(receiving, signersOf('receivingSignature')),
      ];
      const versions = olaVersions(rows, {
        emailOf: (userId) => people.get(userId)?.email,
        fallback: { student: row.account.email, sending: sendingContact.email, receiving: receivingContact.email },
      });
      if (!versions.firstVersion && !versions.changesProposal) {
        throw conflict('no_learning_agreement', 'No version of the learning agreement is signed, or proposed and signed by the sending office, yet.');
      }
      const student = studentOf(row, sending);
      if (!row.plannedStart || !row.plannedEnd)
        throw conflict('not_admitted', 'The learning agreement needs the planned dates of the stay: the receiving office admits the student first.');
      const requirement = versions.latest?.languageOfInstruction ?? row.line.languageRequirement;
      const level = requirement && approximateCefrLevel(requirement);
      if (!requirement || !level) throw conflict('no_language_of_instruction', 'The learning agreement names no language of instruction with a level.');
      const xml = written(() =>
        buildOlaGetResponse({
          omobilityId: row.id,
          sending: partyOf(sending, sendingContact),
          receiving: partyOf(receiving, receivingContact),
          receivingAcademicYear: row.academicYear,
          student,
          plannedStart: row.plannedStart!,
          plannedEnd: row.plannedEnd!,
          eqfLevel: row.identity.studyLevel as EqfLevel,
          iscedCode: row.identity.fieldOfStudy!,
          languageOfInstruction: { language: requirement.language, level },
          creditSchemes: { studied: creditSchemeOf(receiving.creditUnit), recognised: creditSchemeOf(sending.creditUnit) },
          firstVersion: versions.firstVersion,
          approvedChanges: versions.approvedChanges,
          changesProposal: versions.changesProposal,
          hostCatalogueUrl: versions.latest?.hostCatalogueUrl ?? null,
        }),
      );
      await exported(who, found, 'learning-agreement');
      return { xml, fileName: `learning-agreement-${mobilityId}.xml` };
    },

    async transcript(who: Who, mobilityId: string): Promise<XmlDocument> {
      const found = await view(who.actor, mobilityId);
      const { row, sending, receiving } = found;
      const transcript = await findTranscript(db, mobilityId);
      if (!transcript) throw conflict('no_transcript', 'The receiving office has not recorded the transcript of records yet.');
      // Issued on the host's calendar date: its midnight, with the host's offset.
      const issuedAt = inZone(zonedLocalToInstant(`${transcript.issuedOn}T00:00`, receiving.timeZone), receiving.timeZone).toString({ timeZoneName: 'never' });
      const xml = written(() =>
        buildTorGetResponse({
          omobilityId: row.id,
          receivingAcademicYear: row.academicYear,
          sending: institutionOf(sending),
          receiving: institutionOf(receiving),
          student: learnerOf(row, sending),
          issuedAt,
          generatedAt: clock().toISOString(),
          creditScheme: creditSchemeOf(receiving.creditUnit),
          components: transcript.components,
        }),
      );
      await exported(who, found, 'tor');
      return { xml, fileName: `tor-${mobilityId}.xml` };
    },

    /** The IIA of two parties of the agreement: the administrator's, or either partner's staff's; anyone else is told it does not exist. */
    async iia(actor: Actor, agreementId: string, [a, b]: [string, string]): Promise<XmlDocument> {
      const agreement = await findAgreement(db, agreementId);
      const allowed = actor.role === 'admin' || isStaffOf(actor, a) || isStaffOf(actor, b);
      if (!agreement || !allowed || !agreement.partyIds.includes(a) || !agreement.partyIds.includes(b)) throw notFound('agreement');
      const byId = new Map((await institutionsByIds(db, [a, b])).map((row) => [row.id, row]));
      const partners: [InstitutionRow, InstitutionRow] = [byId.get(a)!, byId.get(b)!];
      const lines = await linesBetween(db, agreementId, a, b);
      const xml = written(() => buildIiaGetResponse(iiaOf(agreement, partners, lines)));
      return { xml, fileName: `iia-${partners[0].code}-${partners[1].code}.xml`.toLowerCase() };
    },

    /**
     * The receiving partner's decision on a proposal, as its EWP node sent it: only the receiving
     * office imports it (the sending office sees the mobility, so 403; anyone else 404); the
     * request must be a valid update request about this mobility from its sending institution;
     * then it signs or sends back the proposal exactly as the JSON routes do.
     */
    async importUpdate(who: Who, mobilityId: string, xml: string) {
      const row = await findMobility(db, mobilityId);
      const side = row && mobilitySide(who.actor, row);
      if (!row || !side || side === 'student') throw notFound('mobility');
      if (side !== 'receiving') throw forbidden('The receiving office imports the decision its EWP node received.');
      const request = await readUpdateRequest(xml);
      const { sending } = await partiesOf(row);
      const errors = [
        ...(request.omobilityId === row.id
          ? []
          : [{ path: 'body.omobility-id', code: 'wrong_mobility', message: `The update request is about mobility ${request.omobilityId}, not ${row.id}` }]),
        ...(request.sendingHeiId === sending.heiId
          ? []
          : [
              {
                path: 'body.sending-hei-id',
                code: 'wrong_sending_hei',
                message: `The sending institution of this mobility is ${sending.heiId ?? sending.code}, not ${request.sendingHeiId}`,
              },
            ]),
      ];
      if (errors.length > 0) throw unprocessable(errors[0]!.code, errors[0]!.message, { errors });
      if (request.action === 'approve') return learningAgreements.approve(who, mobilityId, request.proposalId);
      const comment = learningAgreementComment.shape.comment.safeParse(request.comment);
      if (!comment.success) {
        const message = comment.error.issues[0]?.message ?? 'The comment is not valid';
        throw unprocessable('invalid_comment', message, { errors: [{ path: 'body.comment', code: 'invalid', message }] });
      }
      return learningAgreements.comment(who, mobilityId, { proposalId: request.proposalId, comment: comment.data });
    },
  };
}
export type EwpExchangeService = ReturnType<typeof createEwpExchangeService>;
