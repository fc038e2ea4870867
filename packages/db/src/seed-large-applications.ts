/**
 * The applications of the large data set (see seed-large.ts), with their preferences, PDFs,
 * status history and nominations. A nomination that holds a seat counts in its line's `used`.
 */
import { createHash, randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { samplePdf } from './seed-documents.js';
import { day, type Random } from './seed-large-random.js';

export type LargeLine = {
  id: string;
  agreement_id: string;
  sending_institution_id: string;
  receiving_institution_id: string;
  academic_year: string;
  mobility_type: string;
  eqf_levels: number[];
  seats: number;
  used: number;
  total_months: number | null;
};
export type LargeStudent = { id: string; institution_id: string; full_name: string; locale: string };
export type LargeCall = {
  id: string;
  institution_id: string;
  academic_year: string;
  opens_at: Date;
  max_preferences: number;
  current: boolean;
};

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

export function generateApplications(
  sql: postgres.Sql,
  random: Random,
  input: {
    scale: number;
    students: LargeStudent[];
    callsOf: Map<string, LargeCall[]>;
    callLines: Map<string, LargeLine[]>;
    coordinatorOf: (institutionId: string) => string | null;
  },
) {
  const { scale, students, callsOf, callLines, coordinatorOf } = input;
  const studentCount = students.length;
  const applicationCount = Math.round(60_000 * scale);
  const applications: Record<string, unknown>[] = [];
  const preferences: Record<string, unknown>[] = [];
  const documents: Record<string, unknown>[] = [];
  const history: Record<string, unknown>[] = [];
  const nominations: Record<string, unknown>[] = [];
  for (let j = 0; j < applicationCount; j++) {
    const student = students[j % studentCount]!;
    const round = Math.floor(j / studentCount);
    const own = callsOf.get(student.institution_id)!;
    // Distinct calls for one student: a different call in each round.
    const call = own[((j % studentCount) * 7 + round * 11) % own.length]!;
    const offered = callLines.get(call.id)!;
    const chosen = [...offered].sort(() => random.next() - 0.5).slice(0, Math.min(call.max_preferences, offered.length, random.int(1, 3)));
    const id = randomUUID();
    const submittedAt = new Date(call.opens_at.getTime() + random.int(1, 50) * day + random.int(0, day - 1));
    let status: string;
    let nomination: { status: string; line: LargeLine } | null = null;
    if (call.current) {
      status = random.chance(0.4) ? 'draft' : 'submitted';
    } else {
      const roll = random.next();
      if (roll < 0.05) status = 'withdrawn';
      else if (roll < 0.13) status = 'ineligible';
      else if (roll < 0.258) {
        const line = chosen[0]!;
        const old = call.academic_year < '2026/2027';
        const r = random.next();
        const nominationStatus = old ? (r < 0.8 ? 'approved' : r < 0.93 ? 'rejected' : 'cancelled') : r < 0.5 ? 'pending' : r < 0.85 ? 'approved' : 'rejected';
        nomination = { status: nominationStatus, line };
        status = { pending: 'nominated', approved: 'accepted', rejected: 'declined', cancelled: 'cancelled' }[nominationStatus]!;
        if (nominationStatus === 'pending' || nominationStatus === 'approved') line.used++;
      } else if (roll < 0.6) status = 'waitlisted';
      else status = 'not_placed';
    }
    const reviewed = !call.current ? status !== 'withdrawn' : status === 'submitted' && random.chance(0.5);
    const coordinator = coordinatorOf(call.institution_id);
    applications.push({
      id,
      call_id: call.id,
      student_id: student.id,
      status,
      motivation: `Motivation of ${student.full_name}: I would like to study at the partner university.`,
      full_name_latin: student.locale === 'en' ? student.full_name : `Student ${j}`,
      passport_number: status === 'draft' ? null : `P${String(1_000_000 + j)}`,
      study_level: random.pick([6, 6, 7, 8]),
      field_of_study: random.pick(['0231', '0288', '0413', '0716', '0732', '1041']),
      gpa: Math.round((3 + random.next() * 2) * 100) / 100,
      language_certificates: sql.json(random.chance(0.5) ? [{ language: 'ru', test: 'TORFL', level: 'TORFL-1', date: '2025-05-01' }] : []),
      review_score: reviewed ? Math.round(random.next() * 1000) / 10 : null,
      review_eligible: reviewed ? status !== 'ineligible' : null,
      review_comment: reviewed ? (status === 'ineligible' ? 'GPA below the minimum.' : 'Good file.') : null,
      review_comment_locale: reviewed ? 'en' : null,
      reviewed_by: reviewed ? coordinator : null,
      reviewed_at: reviewed ? new Date(submittedAt.getTime() + 20 * day) : null,
      submitted_at: status === 'draft' ? null : submittedAt,
      created_at: new Date(submittedAt.getTime() - 2 * day),
      updated_at: submittedAt,
    });
    chosen.forEach((line, rank) => preferences.push({ application_id: id, quota_id: line.id, rank: rank + 1 }));
    if (status !== 'draft') {
      history.push({ application_id: id, from_status: 'draft', to_status: 'submitted', actor_id: student.id, at: submittedAt });
      if (status !== 'submitted')
        history.push({
          application_id: id,
          from_status: 'submitted',
          to_status: status,
          actor_id: coordinator,
          at: new Date(submittedAt.getTime() + 30 * day),
        });
    }
    // Every application has its motivation letter; those past the draft also a transcript.
    for (const type of status === 'draft' ? ['motivation_letter'] : ['motivation_letter', 'transcript']) {
      const content = samplePdf(`${type.replace('_', ' ')} - application ${j}`);
      const documentId = randomUUID();
      documents.push({
        id: documentId,
        application_id: id,
        type,
        file_name: `${type}-${documentId.slice(0, 8)}.pdf`,
        content_type: 'application/pdf',
        size: content.length,
        sha256: sha256(content),
        content,
        uploaded_by: student.id,
        created_at: submittedAt,
      });
    }
    if (nomination) {
      const decided = nomination.status === 'approved' || nomination.status === 'rejected';
      nominations.push({
        id: randomUUID(),
        application_id: id,
        quota_id: nomination.line.id,
        sending_institution_id: call.institution_id,
        receiving_institution_id: nomination.line.receiving_institution_id,
        status: nomination.status,
        comment: nomination.status === 'rejected' ? 'The language level is below what the programme needs.' : null,
        comment_locale: nomination.status === 'rejected' ? 'en' : null,
        decided_by: decided ? coordinatorOf(nomination.line.receiving_institution_id) : null,
        decided_at: decided ? new Date(submittedAt.getTime() + 60 * day) : null,
        created_by: coordinator,
        created_at: new Date(submittedAt.getTime() + 45 * day),
        updated_at: new Date(submittedAt.getTime() + 45 * day),
      });
    }
  }
  return { applications, preferences, documents, history, nominations };
}
