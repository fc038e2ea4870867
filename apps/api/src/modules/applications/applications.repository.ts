import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { applications, applicationStatusHistory, calls, users, type Executor } from '@exchange/db';
import type { ApplicationStatus, Locale } from '@exchange/shared';
import { buildOnce, presentKeys } from '../../lib/prepared.js';
import { pageLiterals } from '../../lib/page-literals.js';
import { toIso, toIsoOrNull } from '../../lib/route.js';
import { escapeLike } from '../../lib/like.js';
import { documentsJson, isoText, preferencesAndDocuments, preferencesJson, type PageDocument, type PagePreference } from '../../lib/application-parts.js';

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
  // Grouped once by application: a row's parts are found by key, not by a search of the page.
  const group = <T extends { applicationId: string }>(list: T[]) => {
    const byApplication = new Map<string, T[]>();
    for (const entry of list) {
      const own = byApplication.get(entry.applicationId);
      if (own) own.push(entry);
      else byApplication.set(entry.applicationId, [entry]);
    }
    return byApplication;
  };
  const preferencesOf = group(preferences);
  const documentsOf = group(documents);
  const historyOf = group(history);
  const studentsById = new Map(students.map((student) => [student.id, student]));
  return rows.map(({ application, call, lastChange: last }) => {
    const own = historyOf.get(application.id) ?? [];
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
      preferences: (preferencesOf.get(application.id) ?? []).map((p) => ({ quotaId: p.quotaId, rank: p.rank })),
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
      documents: (documentsOf.get(application.id) ?? []).map((d) => ({
        id: d.id,
        type: d.type,
        fileName: d.fileName,
        contentType: d.contentType,
        size: d.size,
        uploadedAt: d.uploadedAt,
      })),
      review,
      submittedAt: toIsoOrNull(application.submittedAt),
      createdAt: toIso(application.createdAt),
      updatedAt: toIso(application.updatedAt),
      student: studentsById.get(application.studentId)!,
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
type FilterKey = keyof ApplicationFilter;

/**
 * One statement of a page shape: its text, with `$n` where a value goes, and the filter each
 * `$n` takes its value from (`offset` last).
 */
type PageStatement = { text: string; values: (FilterKey | 'offset' | 'limit')[] };

/** Filters the counter table answers: totals per (call, status), summed over the calls in scope. */
const counted = new Set<FilterKey>(['institutionId', 'callId', 'status']);

const sortColumns: Record<ApplicationSort['sort'], string> = {
  submittedAt: 'a.submitted_at',
  score: 'a.review_score',
  gpa: 'a.gpa',
  name: 'u.full_name',
  status: 'a.status',
};

/**
 * A list page as one statement whose only row is the page's JSON text, as the contract shows
 * it (applicationPage): items, total, limit, offset, counts. PostgreSQL reads the page's rows by
 * the index of the filter's order, builds each item once (one lateral for the latest status
 * change) and sends text the API passes on as it is: no row mapping, no parsing, no serializing.
 * The usual limits and the first pages' offsets are written into the text (`pageLiterals`),
 * so the plan PostgreSQL caches for the prepared statement is the plan of that page: an offset
 * left as a parameter makes the generic plan look costlier than one planned for the value
 * (PostgreSQL guesses a tenth of the rows skipped), and the statement is planned again on
 * every run. Other limits and deeper pages take parameters, so their statements stay few.
 * The totals come from the counter table when the filters are call, institution and status;
 * any other filter (a student's own, a search, a score range) counts its rows.
 */
function pageStatement(keys: FilterKey[], sort: ApplicationSort, literal: { limit: number | null; offset: number | null }, forStudent: boolean): PageStatement {
  const values: PageStatement['values'] = [];
  const value = (key: FilterKey | 'offset' | 'limit') => {
    let index = values.indexOf(key);
    if (index === -1) index = values.push(key) - 1;
    return `$${index + 1}`;
  };
  const has = (key: FilterKey) => keys.includes(key);
  const conditions = (withStatus: boolean) =>
    [
      has('studentId') ? `a.student_id = ${value('studentId')}` : null,
      has('institutionId') ? `c.institution_id = ${value('institutionId')}` : null,
      has('callId') ? `a.call_id = ${value('callId')}` : null,
      withStatus && has('status') ? `a.status = ${value('status')}` : null,
      has('quotaId') ? `exists (select 1 from application_preferences q where q.application_id = a.id and q.quota_id = ${value('quotaId')})` : null,
      has('minScore') ? `a.review_score >= ${value('minScore')}` : null,
      has('maxScore') ? `a.review_score <= ${value('maxScore')}` : null,
      has('reviewed') ? `(a.reviewed_at is not null) = ${value('reviewed')}` : null,
      has('q') ? `(u.full_name ilike ${value('q')} or u.email ilike ${value('q')})` : null,
    ].filter((condition) => condition !== null);
  const where = (list: string[]) => (list.length > 0 ? `where ${list.join(' and ')}` : '');

  const counts = keys.every((key) => counted.has(key))
    ? `select k.status, sum(k.n)::int as n from application_counts k
        ${has('institutionId') ? 'join calls c on c.id = k.call_id' : ''}
        ${where([has('callId') ? `k.call_id = ${value('callId')}` : null, has('institutionId') ? `c.institution_id = ${value('institutionId')}` : null].filter((c) => c !== null))}
        group by k.status having sum(k.n) > 0`
    : `select a.status, count(*)::int as n from applications a
        ${has('institutionId') ? 'join calls c on c.id = a.call_id' : ''}
        ${has('q') ? 'join users u on u.id = a.student_id' : ''}
        ${where(conditions(false))}
        group by a.status`;

  const column = sortColumns[sort.sort];
  const review = forStudent
    ? `case when r.status = 'ineligible' then json_build_object('score', null, 'eligible', false, 'comment', r.review_comment,
         'commentLocale', r.review_comment_locale, 'reviewedAt', ${isoText('r.reviewed_at')}) end`
    : `case when r.reviewed_at is not null then json_build_object('score', r.review_score::float8, 'eligible', r.review_eligible,
         'comment', r.review_comment, 'commentLocale', r.review_comment_locale, 'reviewedAt', ${isoText('r.reviewed_at')}) end`;
  const rows = `select a.id, a.call_id, a.student_id, a.status, a.full_name_latin, a.study_level, a.field_of_study, a.gpa,
        a.review_score, a.review_eligible, a.review_comment, a.review_comment_locale, a.reviewed_at,
        a.submitted_at, a.created_at, a.updated_at, u.full_name, u.email,
        c.title, c.institution_id, c.closes_at, c.max_preferences, c.required_documents, c.required_identity
      from applications a join calls c on c.id = a.call_id join users u on u.id = a.student_id
      ${where(conditions(true))}
      order by ${column} ${sort.order} nulls last, a.created_at desc, a.id
      limit ${literal.limit ?? value('limit')} offset ${literal.offset ?? value('offset')}`;
  const item = `json_build_object(
      'id', r.id, 'callId', r.call_id, 'studentId', r.student_id, 'status', r.status,
      'preferences', ${preferencesJson('r.id')},
      'fullNameLatin', r.full_name_latin, 'studyLevel', r.study_level, 'fieldOfStudy', r.field_of_study, 'gpa', r.gpa::float8,
      'documents', ${documentsJson('r.id')},
      'review', ${review},
      'submittedAt', ${isoText('r.submitted_at')}, 'createdAt', ${isoText('r.created_at')}, 'updatedAt', ${isoText('r.updated_at')},
      'student', json_build_object('id', r.student_id, 'fullName', r.full_name, 'email', r.email),
      'call', json_build_object('id', r.call_id,
        'title', json_build_object('ru', r.title->>'ru', 'zh', r.title->>'zh', 'en', r.title->>'en'),
        'institutionId', r.institution_id, 'closesAt', ${isoText('r.closes_at')}, 'maxPreferences', r.max_preferences,
        'requiredDocuments', to_json(r.required_documents), 'requiredIdentity', to_json(r.required_identity)),
      'statusChangedAt', ${isoText('coalesce(h.at, r.updated_at)')}, 'statusNote', h.note, 'statusNoteLocale', h.note_locale)`;
  // The page's rows keep the order they were read in: json_agg takes them as the subquery gives them.
  const text = `with counted as (${counts})
    select json_build_object(
      'items', coalesce((
        select json_agg(${item})
          from (${rows}) r
          left join lateral (
            select h.at, h.note, h.note_locale from application_status_history h
             where h.application_id = r.id order by h.seq desc limit 1) h on true), '[]'::json),
      'total', (select coalesce(sum(n), 0)::int from counted ${has('status') ? `where status = ${value('status')}` : ''}),
      'limit', ${literal.limit ?? `${value('limit')}::int`},
      'offset', ${literal.offset ?? `${value('offset')}::int`},
      'counts', (select coalesce(json_object_agg(status, n), '{}'::json) from counted)
    )::text as page`;
  return { text: text.replace(/\s+/g, ' ').trim(), values };
}

/** The filters' values as the statement takes them. */
const filterValue = (filter: ApplicationFilter, key: FilterKey): unknown => {
  if (key === 'q') return `%${escapeLike(filter.q!)}%`;
  if (key === 'reviewed') return filter.reviewed === 'true';
  return filter[key];
};

/**
 * One page of applications as the JSON text of the contract's applicationPage, in one
 * statement: the items, the total, and the count per status (ignoring the status filter).
 */
export async function applicationsPage(
  db: Executor,
  filter: ApplicationFilter,
  sort: ApplicationSort,
  limit: number,
  offset: number,
  options: { forStudent: boolean },
): Promise<string> {
  const keys = presentKeys(filter).split(',').filter(Boolean) as FilterKey[];
  // The first pages have statements of their own; a deeper one takes its offset as a value.
  const literal = pageLiterals(limit, offset);
  const shape = `applications-page:${keys.join(',')}:${sort.sort}:${sort.order}:${literal.limit}:${literal.offset}:${options.forStudent}`;
  // The text between the values, and which value goes in each gap: split once per shape.
  const { texts, slots } = buildOnce(db, shape, () => {
    const { text, values } = pageStatement(keys, sort, literal, options.forStudent);
    const parts = text.split(/\$(\d+)/);
    return { texts: parts.filter((_, index) => index % 2 === 0), slots: parts.filter((_, index) => index % 2 === 1).map((n) => values[Number(n) - 1]!) };
  });
  const chunks: SQL[] = [sql.raw(texts[0]!)];
  slots.forEach((key, index) => {
    chunks.push(sql`${key === 'offset' ? offset : key === 'limit' ? limit : filterValue(filter, key)}`, sql.raw(texts[index + 1]!));
  });
  const result = (await db.execute(sql.join(chunks))) as unknown as { page: string }[] | { rows: { page: string }[] };
  const [row] = Array.isArray(result) ? result : result.rows;
  return row!.page;
}
