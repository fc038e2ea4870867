import { and, eq, inArray } from 'drizzle-orm';
import { applications, calls, nominations, quotaLines, users, type Executor } from '@exchange/db';
import { partnerDocumentTypes, type LanguageCertificate, type NominationStatus } from '@exchange/shared';
import { toIso, toIsoOrNull } from '../../lib/route.js';
import { pageColumns, preferencesAndDocuments, type PageDocument, type PagePreference } from '../../lib/application-parts.js';

export type NominationRow = typeof nominations.$inferSelect;
type Student = { id: string; fullName: string; email: string; institutionId: string | null };
type Joined = {
  nomination: NominationRow;
  application: typeof applications.$inferSelect;
  call: typeof calls.$inferSelect;
  quota: typeof quotaLines.$inferSelect;
  student?: Student;
  preferences?: PagePreference[];
  documents?: PageDocument[];
};

const joined = (db: Executor, withPageColumns = false) =>
  db
    .select({
      nomination: nominations,
      application: applications,
      call: calls,
      quota: quotaLines,
      student: { id: users.id, fullName: users.fullName, email: users.email, institutionId: users.institutionId },
      ...(withPageColumns ? pageColumns : {}),
    })
    .from(nominations)
    .innerJoin(applications, eq(applications.id, nominations.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(quotaLines, eq(quotaLines.id, nominations.quotaId))
    .innerJoin(users, eq(users.id, applications.studentId));

/** Whether this partner already rejected this application (a nomination of it, on any of its lines). */
export async function rejectedBy(db: Executor, applicationId: string, institutionId: string) {
  const rows = await db
    .select({ id: nominations.id })
    .from(nominations)
    .where(and(eq(nominations.applicationId, applicationId), eq(nominations.receivingInstitutionId, institutionId), eq(nominations.status, 'rejected')))
    .limit(1);
  return rows.length > 0;
}

export async function findNomination(db: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = joined(db).where(eq(nominations.id, id));
  const [row] = options.forUpdate ? await query.for('update', { of: nominations }) : await query;
  return row;
}

/**
 * Nominations as one side sees them. The receiving side (a partner) never gets the passport
 * number, the passport copy, the home office's review or the student's other preferences.
 * Once the sending side cancels, the application is no longer nominated to the partner: the
 * partner keeps the entry (who, when, cancelled) but no longer reads the application's data.
 */
export async function toNominations<R extends Joined>(db: Executor, rows: R[], side: (row: R) => 'sending' | 'receiving' | 'admin') {
  if (rows.length === 0) return [];
  const [students, { preferences, documents }] = await Promise.all([
    // Rows from the joined query come with their students: no second read of them.
    rows.every((row) => row.student)
      ? Promise.resolve(rows.map((row) => row.student!))
      : db
          .select({ id: users.id, fullName: users.fullName, email: users.email, institutionId: users.institutionId })
          .from(users)
          .where(
            inArray(
              users.id,
              rows.map((row) => row.application.studentId),
            ),
          ),
    preferencesAndDocuments(db, rows),
  ]);
  return rows.map((row) => {
    const partner = side(row) === 'receiving';
    const withdrawn = partner && row.nomination.status === 'cancelled';
    const student = students.find((s) => s.id === row.application.studentId)!;
    const ownPreferences = preferences.filter((p) => p.applicationId === row.application.id);
    return {
      id: row.nomination.id,
      applicationId: row.application.id,
      callId: row.call.id,
      callTitle: row.call.title,
      quotaId: row.nomination.quotaId,
      academicYear: row.quota.academicYear,
      mobilityType: row.quota.mobilityType,
      sendingInstitutionId: row.nomination.sendingInstitutionId,
      receivingInstitutionId: row.nomination.receivingInstitutionId,
      proposalId: row.nomination.proposalId,
      status: row.nomination.status,
      comment: row.nomination.comment,
      commentLocale: row.nomination.commentLocale,
      note: row.nomination.note,
      createdAt: toIso(row.nomination.createdAt),
      decidedAt: toIsoOrNull(row.nomination.decidedAt),
      student: withdrawn
        ? {
            fullName: student.fullName,
            fullNameLatin: row.application.fullNameLatin,
            email: '',
            homeInstitutionId: row.call.institutionId,
            studyLevel: null,
            fieldOfStudy: null,
            gpa: null,
            languageCertificates: [],
            preferences: [],
            motivation: '',
          }
        : {
            fullName: student.fullName,
            fullNameLatin: row.application.fullNameLatin,
            email: student.email,
            homeInstitutionId: row.call.institutionId,
            studyLevel: row.application.studyLevel,
            fieldOfStudy: row.application.fieldOfStudy,
            gpa: row.application.gpa,
            languageCertificates: row.application.languageCertificates as LanguageCertificate[],
            // A partner sees its own line only, not even its rank: where else the student wanted to go is not its business.
            preferences: partner
              ? ownPreferences.filter((p) => p.quotaId === row.nomination.quotaId).map((p) => ({ quotaId: p.quotaId }))
              : ownPreferences.map((p) => ({ quotaId: p.quotaId, rank: p.rank })),
            motivation: row.application.motivation,
          },
      documents: documents
        .filter((d) => d.applicationId === row.application.id && !withdrawn && (!partner || (partnerDocumentTypes as readonly string[]).includes(d.type)))
        .map((d) => ({ id: d.id, type: d.type, fileName: d.fileName, contentType: d.contentType, size: d.size, uploadedAt: d.uploadedAt })),
      ...(partner
        ? {}
        : {
            passportNumber: row.application.passportNumber,
            review: {
              score: row.application.reviewScore,
              comment: row.application.reviewComment,
              commentLocale: row.application.reviewCommentLocale,
            },
          }),
    };
  });
}

export type NominationFilter = {
  sendingInstitutionId?: string | undefined;
  receivingInstitutionId?: string | undefined;
  /** Either side: for staff listing without a direction. */
  eitherInstitutionId?: string | undefined;
  academicYear?: string | undefined;
  quotaId?: string | undefined;
  status?: NominationStatus | undefined;
  q?: string | undefined;
};
