import { and, asc, count, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { applicationPreferences, applications, applicationStatusHistory, calls, users, type Executor } from '@exchange/db';
import type { ApplicationStatus, Locale } from '@exchange/shared';
import { buildOnce, presentKeys } from '../../lib/prepared.js';
import { toIso, toIsoOrNull } from '../../lib/route.js';
import { escapeLike } from '../../lib/like.js';
import { pageColumns, preferencesAndDocuments, type PageDocument, type PagePreference } from '../../lib/application-parts.js';

export type ApplicationRow = typeof applications.$inferSelect;
type CallRow = typeof calls.$inferSelect;

export async function findApplication(db: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select({ application: applications, call: calls })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(applications.id, id));
  const [row] = options.forUpdate ? await query.for('update', { of: applications }) : await query;
  return row;
}

/**
 * The latest entry of an application's status history, read inside a list's own statement
 * (index lookups on `(application_id, seq)`), so a page costs no extra query.
 */
const lastChange = {
  at: sql<Date>`(select ${applicationStatusHistory.at} from ${applicationStatusHistory} where ${applicationStatusHistory.applicationId} = ${applications.id} order by ${applicationStatusHistory.seq} desc limit 1)`.mapWith(
    applicationStatusHistory.at,
  ),
  note: sql<
    string | null
  >`(select ${applicationStatusHistory.note} from ${applicationStatusHistory} where ${applicationStatusHistory.applicationId} = ${applications.id} order by ${applicationStatusHistory.seq} desc limit 1)`,
  noteLocale: sql<Locale | null>`(select ${applicationStatusHistory.noteLocale} from ${applicationStatusHistory} where ${applicationStatusHistory.applicationId} = ${applications.id} order by ${applicationStatusHistory.seq} desc limit 1)`,
};
type LastChange = { at: Date | null; note: string | null; noteLocale: Locale | null };

/**
 * Applications as the contract shows them. `forStudent` hides the review except the reason
 * of an ineligibility, which the student must be told.
 */
export async function toApplications(
  db: Executor,
  rows: {
    application: ApplicationRow;
    call: CallRow;
    student?: { id: string; fullName: string; email: string };
    preferences?: PagePreference[];
    documents?: PageDocument[];
    lastChange?: LastChange;
  }[],
  options: { forStudent: boolean; withHistory: boolean },
) {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.application.id);
  const studentIds = [...new Set(rows.map((row) => row.application.studentId))];
  const [{ preferences, documents }, students, history] = await Promise.all([
    preferencesAndDocuments(db, rows),
    // A list's rows come with their students (joined already): no second read of them.
    rows.every((row) => row.student)
      ? Promise.resolve(rows.map((row) => row.student!))
      : db.select({ id: users.id, fullName: users.fullName, email: users.email }).from(users).where(inArray(users.id, studentIds)),
    options.withHistory
      ? db.select().from(applicationStatusHistory).where(inArray(applicationStatusHistory.applicationId, ids)).orderBy(asc(applicationStatusHistory.seq))
      : Promise.resolve([]),
  ]);
  return rows.map(({ application, call, lastChange: last }) => {
    const own = history.filter((h) => h.applicationId === application.id);
    const latest = last?.at ? last : own.length > 0 ? own[own.length - 1]! : null;
    const review = options.forStudent
      ? application.status === 'ineligible'
        ? {
            score: null,
            eligible: false,
            comment: application.reviewComment,
            commentLocale: application.reviewCommentLocale,
            reviewedAt: toIsoOrNull(application.reviewedAt),
          }
        : null
      : application.reviewedAt
        ? {
            score: application.reviewScore,
            eligible: application.reviewEligible,
            comment: application.reviewComment,
            commentLocale: application.reviewCommentLocale,
            reviewedAt: toIsoOrNull(application.reviewedAt),
          }
        : null;
    return {
      id: application.id,
      callId: application.callId,
      studentId: application.studentId,
      status: application.status,
      preferences: preferences.filter((p) => p.applicationId === application.id).map((p) => ({ quotaId: p.quotaId, rank: p.rank })),
      motivation: application.motivation,
      fullNameLatin: application.fullNameLatin,
      passportNumber: application.passportNumber,
      passportExpiresOn: application.passportExpiresOn,
      birthDate: application.birthDate,
      citizenship: application.citizenship,
      sex: application.sex,
      studyLevel: application.studyLevel,
      fieldOfStudy: application.fieldOfStudy,
      gpa: application.gpa,
      languageCertificates: application.languageCertificates as never,
      documents: documents
        .filter((d) => d.applicationId === application.id)
        .map((d) => ({ id: d.id, type: d.type, fileName: d.fileName, contentType: d.contentType, size: d.size, uploadedAt: d.uploadedAt })),
      review,
      submittedAt: toIsoOrNull(application.submittedAt),
      createdAt: toIso(application.createdAt),
      updatedAt: toIso(application.updatedAt),
      student: students.find((s) => s.id === application.studentId)!,
      call: {
        id: call.id,
        title: call.title,
        institutionId: call.institutionId,
        closesAt: toIso(call.closesAt),
        maxPreferences: call.maxPreferences,
        requiredDocuments: call.requiredDocuments,
        requiredIdentity: call.requiredIdentity,
      },
      // When the application took its current status, and the note of that change (a reason).
      statusChangedAt: toIso(latest?.at ?? application.updatedAt),
      statusNote: latest?.note ?? null,
      statusNoteLocale: latest?.noteLocale ?? null,
      history: own.map((h) => ({ from: h.fromStatus, to: h.toStatus, at: toIso(h.at), note: h.note, noteLocale: h.noteLocale })),
    };
  });
}

export type ApplicationFilter = {
  studentId?: string | undefined;
  institutionId?: string | undefined;
  callId?: string | undefined;
  status?: ApplicationStatus | undefined;
  quotaId?: string | undefined;
  minScore?: number | undefined;
  maxScore?: number | undefined;
  reviewed?: 'true' | 'false' | undefined;
  q?: string | undefined;
};
export type ApplicationSort = { sort: 'submittedAt' | 'score' | 'gpa' | 'name' | 'status'; order: 'asc' | 'desc' };

const value = sql.placeholder;

/** The filters as conditions on placeholders named after them (their values: filterValues). */
function conditions(filter: ApplicationFilter, withStatus: boolean): SQL | undefined {
  return and(
    filter.studentId ? eq(applications.studentId, value('studentId')) : undefined,
    filter.institutionId ? eq(calls.institutionId, value('institutionId')) : undefined,
    filter.callId ? eq(applications.callId, value('callId')) : undefined,
    withStatus && filter.status ? eq(applications.status, value('status')) : undefined,
    filter.quotaId
      ? sql`exists (select 1 from ${applicationPreferences} where ${applicationPreferences.applicationId} = ${applications.id} and ${applicationPreferences.quotaId} = ${value('quotaId')})`
      : undefined,
    filter.minScore !== undefined ? gte(applications.reviewScore, value('minScore')) : undefined,
    filter.maxScore !== undefined ? lte(applications.reviewScore, value('maxScore')) : undefined,
    // A placeholder, not two conditions: the prepared statement is shared by both values.
    filter.reviewed ? sql`(${applications.reviewedAt} is not null) = ${value('reviewed')}` : undefined,
    filter.q ? or(ilike(users.fullName, value('q')), ilike(users.email, value('q'))) : undefined,
  );
}

const filterValues = (filter: ApplicationFilter) => ({
  ...filter,
  q: filter.q ? `%${escapeLike(filter.q)}%` : undefined,
  reviewed: filter.reviewed ? filter.reviewed === 'true' : undefined,
});

const sortColumns = {
  submittedAt: applications.submittedAt,
  score: applications.reviewScore,
  gpa: applications.gpa,
  name: users.fullName,
  status: applications.status,
};

/** One page of applications, the total, and the count per status (ignoring the status filter). */
export async function listApplications(db: Executor, filter: ApplicationFilter, sort: ApplicationSort, limit: number, offset: number) {
  const shape = `applications:${presentKeys(filter)}:${sort.sort}:${sort.order}`;
  const page = buildOnce(db, `${shape}:page`, () => {
    const column = sortColumns[sort.sort];
    const ordering = sort.order === 'asc' ? sql`${column} asc nulls last` : sql`${column} desc nulls last`;
    return db
      .select({
        application: applications,
        call: calls,
        student: { id: users.id, fullName: users.fullName, email: users.email },
        ...pageColumns,
        lastChange,
      })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .innerJoin(users, eq(users.id, applications.studentId))
      .where(conditions(filter, true))
      .orderBy(ordering, desc(applications.createdAt), applications.id)
      .limit(value('limit'))
      .offset(value('offset'))
      .prepare('applications_page');
  });
  const statusCounts = buildOnce(db, `${shape}:counts`, () => {
    // The counts join the students only to search their names: the join costs a scan of them.
    let query = db.select({ status: applications.status, n: count() }).from(applications).innerJoin(calls, eq(calls.id, applications.callId)).$dynamic();
    if (filter.q) query = query.innerJoin(users, eq(users.id, applications.studentId));
    return query.where(conditions(filter, false)).groupBy(applications.status).prepare('applications_counts');
  });
  const values = { ...filterValues(filter), limit, offset };
  const [rows, byStatus] = await Promise.all([page.execute(values), statusCounts.execute(values)]);
  const counts = Object.fromEntries(byStatus.map((row) => [row.status, row.n])) as Record<string, number>;
  // The per-status counts ignore only the status filter, so they give the total too.
  const total = filter.status ? (counts[filter.status] ?? 0) : byStatus.reduce((sum, row) => sum + row.n, 0);
  return { rows, total, counts };
}
