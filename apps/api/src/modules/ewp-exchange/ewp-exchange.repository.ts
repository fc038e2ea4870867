import { and, asc, eq, inArray, isNotNull, ne, or } from 'drizzle-orm';
import {
  agreementParties,
  agreements,
  applications,
  institutions,
  learningAgreementVersions,
  mobilities,
  mobilityTranscripts,
  nominations,
  quotaLines,
  users,
  type Executor,
} from '@exchange/db';

/** What the EWP documents need of a mobility: its parties and dates, its nomination, the student's identity, its quota line. */
export async function findMobility(db: Executor, mobilityId: string) {
  const [row] = await db
    .select({
      id: mobilities.id,
      studentId: mobilities.studentId,
      sendingInstitutionId: mobilities.sendingInstitutionId,
      receivingInstitutionId: mobilities.receivingInstitutionId,
      academicYear: mobilities.academicYear,
      mobilityType: mobilities.mobilityType,
      plannedStart: mobilities.plannedStart,
      plannedEnd: mobilities.plannedEnd,
      nomination: { proposalId: nominations.proposalId, status: nominations.status, note: nominations.note },
      identity: {
        fullNameLatin: applications.fullNameLatin,
        birthDate: applications.birthDate,
        citizenship: applications.citizenship,
        sex: applications.sex,
        studyLevel: applications.studyLevel,
        fieldOfStudy: applications.fieldOfStudy,
      },
      account: { fullName: users.fullName, email: users.email },
      line: { iscedCodes: quotaLines.iscedCodes, languageRequirement: quotaLines.languageRequirement },
    })
    .from(mobilities)
    .innerJoin(nominations, eq(nominations.id, mobilities.nominationId))
    .innerJoin(applications, eq(applications.id, mobilities.applicationId))
    .innerJoin(users, eq(users.id, mobilities.studentId))
    .innerJoin(quotaLines, eq(quotaLines.id, mobilities.quotaId))
    .where(eq(mobilities.id, mobilityId));
  return row;
}
export type MobilityRow = NonNullable<Awaited<ReturnType<typeof findMobility>>>;

export async function institutionsByIds(db: Executor, ids: string[]) {
  return db
    .select({
      id: institutions.id,
      heiId: institutions.heiId,
      code: institutions.code,
      name: institutions.name,
      country: institutions.country,
      timeZone: institutions.timeZone,
      creditUnit: institutions.creditUnit,
    })
    .from(institutions)
    .where(inArray(institutions.id, ids));
}
export type InstitutionRow = Awaited<ReturnType<typeof institutionsByIds>>[number];

/** The proposals of a mobility's learning agreement (drafts aside), in the order proposed. */
export async function listProposals(db: Executor, mobilityId: string) {
  return db
    .select({
      number: learningAgreementVersions.number,
      kind: learningAgreementVersions.kind,
      status: learningAgreementVersions.status,
      proposalId: learningAgreementVersions.proposalId,
      content: learningAgreementVersions.content,
      studentSignature: learningAgreementVersions.studentSignature,
      sendingSignature: learningAgreementVersions.sendingSignature,
      receivingSignature: learningAgreementVersions.receivingSignature,
    })
    .from(learningAgreementVersions)
    .where(
      and(eq(learningAgreementVersions.mobilityId, mobilityId), ne(learningAgreementVersions.status, 'draft'), isNotNull(learningAgreementVersions.number)),
    )
    .orderBy(asc(learningAgreementVersions.number));
}

export async function usersByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: users.id, fullName: users.fullName, email: users.email }).from(users).where(inArray(users.id, ids));
}

/** The institution's longest-standing active coordinator: the learning agreement's contact when no signer of that side is known. */
export async function firstCoordinator(db: Executor, institutionId: string) {
  const [row] = await db
    .select({ id: users.id, fullName: users.fullName, email: users.email })
    .from(users)
    .where(and(eq(users.institutionId, institutionId), eq(users.role, 'coordinator'), eq(users.status, 'active')))
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(1);
  return row;
}

export async function findTranscript(db: Executor, mobilityId: string) {
  const [row] = await db
    .select({ issuedOn: mobilityTranscripts.issuedOn, components: mobilityTranscripts.components })
    .from(mobilityTranscripts)
    .where(eq(mobilityTranscripts.mobilityId, mobilityId));
  return row;
}

/** The agreement with the ids of its parties. */
export async function findAgreement(db: Executor, agreementId: string) {
  const [row] = await db
    .select({ id: agreements.id, status: agreements.status, signedOn: agreements.signedOn })
    .from(agreements)
    .where(eq(agreements.id, agreementId));
  if (!row) return undefined;
  const parties = await db.select({ id: agreementParties.institutionId }).from(agreementParties).where(eq(agreementParties.agreementId, agreementId));
  return { ...row, partyIds: parties.map((party) => party.id) };
}

/** The agreement's quota lines between the two institutions, both directions. */
export async function linesBetween(db: Executor, agreementId: string, a: string, b: string) {
  return db
    .select({
      sendingInstitutionId: quotaLines.sendingInstitutionId,
      receivingInstitutionId: quotaLines.receivingInstitutionId,
      academicYear: quotaLines.academicYear,
      seats: quotaLines.seats,
      eqfLevels: quotaLines.eqfLevels,
      iscedCodes: quotaLines.iscedCodes,
      totalMonths: quotaLines.totalMonths,
      languageRequirement: quotaLines.languageRequirement,
    })
    .from(quotaLines)
    .where(
      and(
        eq(quotaLines.agreementId, agreementId),
        or(
          and(eq(quotaLines.sendingInstitutionId, a), eq(quotaLines.receivingInstitutionId, b)),
          and(eq(quotaLines.sendingInstitutionId, b), eq(quotaLines.receivingInstitutionId, a)),
        ),
      ),
    )
    .orderBy(asc(quotaLines.academicYear), asc(quotaLines.id));
}
