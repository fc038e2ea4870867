/**
 * A realistic three-party load for performance work: 30,000 students, five academic years of
 * calls, 60,000 applications with small PDFs, 6,000 nominations, 300 quota lines, 2,000 events
 * with 100,000 registrations (at `scale: 1`). Counters are consistent with the rows: a quota
 * line's `used` is its seat-holding nominations, an event's `confirmedCount` its confirmed
 * registrations. PostgreSQL only: it writes through multi-row inserts in large batches.
 */
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase } from './client.js';
import { hashPassword } from './password-hash.js';
import { demoPassword, seedDemoData } from './seed.js';
import { generateApplications, type LargeLine } from './seed-large-applications.js';
import { generateEvents } from './seed-large-events.js';
import { generateMobilities } from './seed-large-mobilities.js';
import { generator, studentName } from './seed-large-random.js';

export type LargeSeedOptions = {
  /** 1 = the full set; 0.05 = a medium set for CI. */
  scale?: number;
  log?: (line: string) => void;
};

export type LargeSeedSummary = {
  skipped: boolean;
  students: number;
  calls: number;
  applications: number;
  documents: number;
  nominations: number;
  quotaLines: number;
  events: number;
  registrations: number;
  /** Every generated account signs in with the demo password. */
  password: string;
};

/** E-mail domain of every generated account: the marker that the large set is present. */
export const largeEmailDomain = 'large.exchange.test';

export const largeAcademicYears = ['2023/2024', '2024/2025', '2025/2026', '2026/2027', '2027/2028'] as const;

export async function seedLargeData(url: string, options: LargeSeedOptions = {}): Promise<LargeSeedSummary> {
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= 10)) throw new Error(`scale must be in (0, 10], got ${scale}`);
  const log = options.log ?? (() => {});
  const started = Date.now();
  const step = (line: string) => log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
  const random = generator(20_260_501);

  // Schema and the demo parties, agreement, centres and accounts first (no-op when present).
  const handle = openDatabase({ url, poolSize: 2 });
  try {
    await handle.migrate();
    await seedDemoData(handle.db);
  } finally {
    await handle.close();
  }

  const sql = postgres(url, { max: 4, onnotice: () => {} });
  try {
    const [{ n: present } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from users where email like ${`%@${largeEmailDomain}`}`;
    const summary: LargeSeedSummary = {
      skipped: false,
      students: 0,
      calls: 0,
      applications: 0,
      documents: 0,
      nominations: 0,
      quotaLines: 0,
      events: 0,
      registrations: 0,
      password: demoPassword,
    };
    if (present > 0) {
      step(`The large data set is already present (${present} generated accounts); nothing written.`);
      return { ...summary, skipped: true };
    }

    const institutionRows = await sql<
      { id: string; code: 'PSU' | 'BUAS' | 'BRI'; time_zone: string }[]
    >`select id, code, time_zone from institutions order by code`;
    const [agreement] = await sql<{ id: string }[]>`select id from agreements where status = 'active' order by created_at limit 1`;
    if (!agreement) throw new Error('No active agreement: the demo seed did not run.');
    const centreRows = await sql<{ id: string; institution_id: string }[]>`select id, institution_id from centres order by created_at`;
    const coordinators = await sql<{ id: string; institution_id: string }[]>`select id, institution_id from users where role = 'coordinator'`;
    const coordinatorOf = (institutionId: string) => coordinators.find((row) => row.institution_id === institutionId)?.id ?? null;
    const timeZoneOf = (institutionId: string) => institutionRows.find((row) => row.id === institutionId)!.time_zone;

    /** Multi-row inserts in batches below PostgreSQL's 65,535 parameters. */
    async function insert(table: string, rows: Record<string, unknown>[], label = table) {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]!);
      const batch = Math.max(1, Math.floor(60_000 / columns.length));
      for (let offset = 0; offset < rows.length; offset += batch) {
        await sql`insert into ${sql(table)} ${sql(rows.slice(offset, offset + batch) as never, columns)}`;
      }
      step(`${label}: ${rows.length.toLocaleString('en')} rows`);
    }

    const passwordHash = await hashPassword(demoPassword);

    // ——— students ———
    const studentCount = Math.max(30, Math.round(30_000 * scale));
    const students = Array.from({ length: studentCount }, (_, i) => {
      const institution = institutionRows[i % institutionRows.length]!;
      const { latin, fullName } = studentName(random, institution.code);
      return {
        id: randomUUID(),
        email: `s${i}.${institution.code.toLowerCase()}@${largeEmailDomain}`,
        full_name: fullName,
        role: 'student',
        institution_id: institution.id,
        status: random.chance(0.02) ? 'pending' : 'active',
        locale: latin ? 'en' : institution.code === 'PSU' ? 'ru' : 'zh',
        password_hash: passwordHash,
      };
    });
    await insert('users', students, 'students');
    summary.students = students.length;
    const studentsOf = new Map<string, typeof students>();
    for (const student of students) studentsOf.set(student.institution_id, [...(studentsOf.get(student.institution_id) ?? []), student]);

    // ——— quota lines: 6 directions × 5 years × 10 = 300 at full scale ———
    const linesPerDirectionYear = Math.max(1, Math.round(10 * scale));
    const lines: LargeLine[] = [];
    const mobility = ['semester', 'academic_year', 'summer_school', 'language_course', 'short_term'] as const;
    for (const year of largeAcademicYears) {
      for (const sending of institutionRows) {
        for (const receiving of institutionRows) {
          if (sending.id === receiving.id) continue;
          for (let k = 0; k < linesPerDirectionYear; k++) {
            const type = mobility[k % mobility.length]!;
            lines.push({
              id: randomUUID(),
              agreement_id: agreement.id,
              sending_institution_id: sending.id,
              receiving_institution_id: receiving.id,
              academic_year: year,
              mobility_type: type,
              eqf_levels: k % 3 === 0 ? [6] : k % 3 === 1 ? [6, 7] : [7, 8],
              seats: 0,
              used: 0,
              total_months: type === 'semester' ? 5 : type === 'academic_year' ? 10 : null,
            });
          }
        }
      }
    }

    // ——— calls: 3 institutions × 5 years × 4 kinds ———
    const callKinds = ['semester', 'academic_year', 'summer_school', 'language_course'] as const;
    const calls = largeAcademicYears.flatMap((year) =>
      institutionRows.flatMap((institution) =>
        callKinds.map((kind) => {
          const startYear = Number(year.slice(0, 4));
          // The last year's calls are open now; the others closed in their spring.
          const current = startYear === 2027;
          const opensAt = current ? new Date(Date.UTC(2026, 9, 1)) : new Date(Date.UTC(startYear, 1, 1));
          const closesAt = current ? new Date(Date.UTC(2027, 2, 31)) : new Date(Date.UTC(startYear, 3, 30));
          return {
            id: randomUUID(),
            institution_id: institution.id,
            title: sql.json({
              en: `${kind.replace('_', ' ')} exchange ${year}`,
              ru: `Обмен (${kind.replace('_', ' ')}) ${year}`,
              zh: `${year} 学年交流项目（${kind.replace('_', ' ')}）`,
            }),
            description: sql.json({ en: 'Generated call.', ru: 'Сгенерированный конкурс.', zh: '生成的项目。' }),
            academic_year: year,
            mobility_type: kind,
            opens_at: opensAt,
            closes_at: closesAt,
            max_preferences: 3,
            min_gpa: 3,
            required_documents: ['motivation_letter', 'transcript'],
            status: 'published',
            current,
          };
        }),
      ),
    );
    const callLines = new Map(
      calls.map((call) => [call.id, lines.filter((line) => line.sending_institution_id === call.institution_id && line.academic_year === call.academic_year)]),
    );
    const callsOf = new Map<string, typeof calls>();
    for (const call of calls) callsOf.set(call.institution_id, [...(callsOf.get(call.institution_id) ?? []), call]);

    // ——— applications, preferences, documents, history, nominations ———
    const { applications, preferences, documents, history, nominations } = generateApplications(sql, random, {
      scale,
      students,
      callsOf,
      callLines,
      coordinatorOf,
    });
    for (const line of lines) line.seats = line.used + random.int(0, 6);

    await insert(
      'quota_lines',
      lines.map(({ eqf_levels, ...line }) => ({ ...line, eqf_levels: sql.array(eqf_levels, 23) })),
      'quota lines',
    );
    summary.quotaLines = lines.length;
    await insert(
      'calls',
      calls.map(({ current: _current, required_documents, ...call }) => ({
        ...call,
        required_documents: sql.array(required_documents, 25),
      })),
    );
    await insert(
      'call_quotas',
      calls.flatMap((call) => callLines.get(call.id)!.map((line) => ({ call_id: call.id, quota_id: line.id }))),
      'call quota lines',
    );
    summary.calls = calls.length;
    await insert('applications', applications);
    summary.applications = applications.length;
    await insert('application_preferences', preferences, 'preferences');
    await insert('application_documents', documents, 'documents (PDF)');
    summary.documents = documents.length;
    await insert('application_status_history', history, 'status history');
    await insert('nominations', nominations);
    summary.nominations = nominations.length;
    // Its own random sequence, so the events below stay what they were.
    await insert('mobilities', generateMobilities(generator(20_260_502), { nominations, applications, lines, currentYear: '2026/2027' }));

    // ——— events and registrations ———
    const { eventRows, registrationRows } = generateEvents(sql, random, { scale, students, centreRows, timeZoneOf });
    await insert('events', eventRows);
    summary.events = eventRows.length;
    // Registrations in time order, so `seq` (the waiting-list order) follows it.
    registrationRows.sort((a, b) => (a.created_at as Date).getTime() - (b.created_at as Date).getTime());
    await insert('registrations', registrationRows);
    summary.registrations = registrationRows.length;

    // As autovacuum leaves a settled production database: statistics and the visibility map.
    await sql`vacuum analyze`;
    step(`vacuumed and analyzed; done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return summary;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
