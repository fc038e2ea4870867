import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@exchange/db';
import {
  partnerDocumentTypes,
  type DocumentType,
  type LanguageCertificate,
  type LocalizedText,
  type Nomination,
  type NominationStatus,
} from '@exchange/shared';
import { escapeLike } from '../../lib/like.js';
import { pageClauses } from '../../lib/page-literals.js';
import type { NominationFilter } from './nominations.repository.js';

type Preference = { quotaId: string; rank: number };
type Document = { id: string; type: DocumentType; fileName: string; contentType: string; size: number; uploadedAt: string };

/** One row of the page statement: the response's fields only, times already formatted. */
type PageRow = {
  total: number;
  id: string;
  application_id: string;
  call_id: string;
  call_title: LocalizedText;
  quota_id: string;
  academic_year: string;
  mobility_type: string;
  sending_institution_id: string;
  receiving_institution_id: string;
  proposal_id: string;
  status: NominationStatus;
  comment: string | null;
  comment_locale: 'ru' | 'zh' | 'en' | null;
  note: string | null;
  created_at: string;
  decided_at: string | null;
  full_name: string;
  full_name_latin: string | null;
  email: string;
  home_institution_id: string;
  study_level: number | null;
  field_of_study: string | null;
  gpa: number | null;
  language_certificates: LanguageCertificate[];
  motivation: string;
  passport_number: string | null;
  review_score: number | null;
  review_comment: string | null;
  review_comment_locale: 'ru' | 'zh' | 'en' | null;
  preferences: Preference[];
  documents: Document[];
};

const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** The filters as SQL over `n` (nominations), `q` (quota lines), `a` (applications), `u` (users). */
function conditions(filter: NominationFilter): SQL {
  const parts: SQL[] = [];
  if (filter.receivingInstitutionId) parts.push(sql`n.receiving_institution_id = ${filter.receivingInstitutionId}`);
  if (filter.sendingInstitutionId) parts.push(sql`n.sending_institution_id = ${filter.sendingInstitutionId}`);
  if (filter.eitherInstitutionId) {
    parts.push(sql`(n.sending_institution_id = ${filter.eitherInstitutionId} or n.receiving_institution_id = ${filter.eitherInstitutionId})`);
  }
  if (filter.academicYear) parts.push(sql`q.academic_year = ${filter.academicYear}`);
  if (filter.quotaId) parts.push(sql`n.quota_id = ${filter.quotaId}`);
  if (filter.status) parts.push(sql`n.status = ${filter.status}`);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    parts.push(sql`(u.full_name ilike ${pattern} or a.full_name_latin ilike ${pattern})`);
  }
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/** The joins the total needs: only those its filters read. */
function countJoins(filter: NominationFilter): SQL {
  return sql.join(
    [
      filter.academicYear ? sql`join quota_lines q on q.id = n.quota_id` : undefined,
      filter.q ? sql`join applications a on a.id = n.application_id join users u on u.id = a.student_id` : undefined,
    ].filter((part): part is SQL => part !== undefined),
    sql` `,
  );
}

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/**
 * One page of nominees and the list's total in one statement: the page's rows come in the
 * order of the side's index (newest first), each with its preferences and current documents.
 * A page past the end has no row to carry the total: only then is it counted on its own.
 */
export async function readNomineePage(db: Executor, filter: NominationFilter, limit: number, offset: number) {
  const where = conditions(filter);
  const { take, skip } = pageClauses(limit, offset);
  const total = sql`(select count(*)::int from nominations n ${countJoins(filter)} where ${where})`;
  const statement = sql`select ${total} as total,
      n.id, n.application_id, a.call_id, c.title as call_title, n.quota_id, q.academic_year, q.mobility_type,
      n.sending_institution_id, n.receiving_institution_id, n.proposal_id, n.status, n.comment, n.comment_locale, n.note,
      ${iso('n.created_at')} as created_at, ${iso('n.decided_at')} as decided_at,
      u.full_name, a.full_name_latin, u.email, c.institution_id as home_institution_id,
      a.study_level, a.field_of_study, a.gpa::float8 as gpa, a.language_certificates, a.motivation,
      a.passport_number, a.review_score::float8 as review_score, a.review_comment, a.review_comment_locale,
      (select coalesce(json_agg(json_build_object('quotaId', p.quota_id, 'rank', p.rank) order by p.rank), '[]'::json)
         from application_preferences p where p.application_id = a.id) as preferences,
      (select coalesce(json_agg(json_build_object('id', d.id, 'type', d.type, 'fileName', d.file_name, 'contentType', d.content_type,
                'size', d.size, 'uploadedAt', ${iso('d.created_at')}) order by d.type), '[]'::json)
         from application_documents d where d.application_id = a.id and d.replaced_at is null) as documents
    from nominations n
    join applications a on a.id = n.application_id
    join calls c on c.id = a.call_id
    join quota_lines q on q.id = n.quota_id
    join users u on u.id = a.student_id
    where ${where}
    order by n.created_at desc, n.id
    limit ${take} offset ${skip}`;
  const rows = rowsOf<PageRow>(await db.execute(statement));
  if (rows.length > 0 || offset === 0) return { rows, total: rows[0]?.total ?? 0 };
  const [counted] = rowsOf<{ total: number }>(await db.execute(sql`select ${total} as total`));
  return { rows, total: counted?.total ?? 0 };
}

/** The document types a partner receives, as an SQL list (constants of the contract). */
const partnerTypeList = sql.raw(partnerDocumentTypes.map((type) => `'${type}'`).join(', '));

/**
 * The page as the response's JSON text, written by PostgreSQL in one statement: `{ items, total,
 * limit, offset }` with exactly the documented fields of each side, so it is sent as it is. The
 * rules are those of `toNomineePage`: a partner (`viewer` is not the sending side) gets no
 * passport number, passport copy, review or other preference; a withdrawn nominee, who and when.
 */
export async function readNomineePageJson(db: Executor, filter: NominationFilter, viewer: string | null, limit: number, offset: number) {
  const where = conditions(filter);
  const { take, skip } = pageClauses(limit, offset);
  const partner = viewer === null ? sql`false` : sql`n.sending_institution_id <> ${viewer}::uuid`;
  const common = sql`'id', n.id, 'applicationId', n.application_id, 'callId', a.call_id, 'callTitle', c.title, 'quotaId', n.quota_id,
      'academicYear', q.academic_year, 'mobilityType', q.mobility_type, 'sendingInstitutionId', n.sending_institution_id,
      'receivingInstitutionId', n.receiving_institution_id, 'proposalId', n.proposal_id, 'status', n.status, 'comment', n.comment,
      'commentLocale', n.comment_locale, 'note', n.note, 'createdAt', ${iso('n.created_at')}, 'decidedAt', ${iso('n.decided_at')}`;
  const student = sql`case when s.withdrawn
      then json_build_object('fullName', u.full_name, 'fullNameLatin', a.full_name_latin, 'email', ''::text, 'homeInstitutionId', c.institution_id,
        'studyLevel', null::int, 'fieldOfStudy', null::text, 'gpa', null::numeric, 'languageCertificates', '[]'::json, 'preferences', '[]'::json,
        'motivation', ''::text)
      else json_build_object('fullName', u.full_name, 'fullNameLatin', a.full_name_latin, 'email', u.email, 'homeInstitutionId', c.institution_id,
        'studyLevel', a.study_level, 'fieldOfStudy', a.field_of_study, 'gpa', a.gpa, 'languageCertificates', a.language_certificates,
        'preferences', (select coalesce(json_agg(case when s.partner then json_build_object('quotaId', p.quota_id)
                                                      else json_build_object('quotaId', p.quota_id, 'rank', p.rank) end order by p.rank), '[]'::json)
                          from application_preferences p where p.application_id = a.id and (not s.partner or p.quota_id = n.quota_id)),
        'motivation', a.motivation) end`;
  const documents = sql`(select coalesce(json_agg(json_build_object('id', d.id, 'type', d.type, 'fileName', d.file_name, 'contentType', d.content_type,
        'size', d.size, 'uploadedAt', ${iso('d.created_at')}) order by d.type), '[]'::json)
      from application_documents d
     where d.application_id = a.id and d.replaced_at is null and not s.withdrawn and (not s.partner or d.type in (${partnerTypeList})))`;
  const total = sql`(select count(*)::int from nominations n ${countJoins(filter)} where ${where})`;
  const statement = sql`select json_build_object('items', coalesce(json_agg(page.item), '[]'::json), 'total', ${total},
      'limit', ${take}, 'offset', ${skip})::text as page
    from (
      select case when s.partner
          then json_build_object(${common}, 'student', ${student}, 'documents', ${documents})
          else json_build_object(${common}, 'student', ${student}, 'documents', ${documents}, 'passportNumber', a.passport_number,
            'review', json_build_object('score', a.review_score, 'comment', a.review_comment, 'commentLocale', a.review_comment_locale))
        end as item
        from nominations n
        join applications a on a.id = n.application_id
        join calls c on c.id = a.call_id
        join quota_lines q on q.id = n.quota_id
        join users u on u.id = a.student_id
        cross join lateral (select ${partner} as partner, ${partner} and n.status = 'cancelled' as withdrawn) s
       where ${where}
       order by n.created_at desc, n.id
       limit ${take} offset ${skip}
    ) page`;
  const [row] = rowsOf<{ page: string }>(await db.execute(statement));
  return row!.page;
}

const partnerTypes = new Set<string>(partnerDocumentTypes);

/**
 * The page as one side sees it, in one pass over the rows. The receiving side (a partner)
 * never gets the passport number, the passport copy, the home office's review or the student's
 * other preferences; once the sending side cancels, the partner keeps who and when only.
 * `viewer` is the reader's institution, or null for an administrator (who sees the home side).
 */
export function toNomineePage(rows: PageRow[], viewer: string | null) {
  const items: Nomination[] = new Array<Nomination>(rows.length);
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const partner = viewer !== null && row.sending_institution_id !== viewer;
    const withdrawn = partner && row.status === 'cancelled';
    const item: Nomination = {
      id: row.id,
      applicationId: row.application_id,
      callId: row.call_id,
      callTitle: row.call_title,
      quotaId: row.quota_id,
      academicYear: row.academic_year,
      mobilityType: row.mobility_type,
      sendingInstitutionId: row.sending_institution_id,
      receivingInstitutionId: row.receiving_institution_id,
      proposalId: row.proposal_id,
      status: row.status,
      comment: row.comment,
      commentLocale: row.comment_locale,
      note: row.note,
      createdAt: row.created_at,
      decidedAt: row.decided_at,
      student: withdrawn
        ? {
            fullName: row.full_name,
            fullNameLatin: row.full_name_latin,
            email: '',
            homeInstitutionId: row.home_institution_id,
            studyLevel: null,
            fieldOfStudy: null,
            gpa: null,
            languageCertificates: [],
            preferences: [],
            motivation: '',
          }
        : {
            fullName: row.full_name,
            fullNameLatin: row.full_name_latin,
            email: row.email,
            homeInstitutionId: row.home_institution_id,
            studyLevel: row.study_level,
            fieldOfStudy: row.field_of_study,
            gpa: row.gpa,
            languageCertificates: row.language_certificates,
            // A partner sees its own line only, not even its rank.
            preferences: partner ? row.preferences.filter((p) => p.quotaId === row.quota_id).map((p) => ({ quotaId: p.quotaId })) : row.preferences,
            motivation: row.motivation,
          },
      documents: withdrawn ? [] : partner ? row.documents.filter((d) => partnerTypes.has(d.type)) : row.documents,
    };
    if (!partner) {
      // Home side only.
      item.passportNumber = row.passport_number;
      item.review = { score: row.review_score, comment: row.review_comment, commentLocale: row.review_comment_locale };
    }
    items[index] = item;
  }
  return items;
}
