/**
 * A realistic three-party load for performance work: 30,000 students, five academic years of
 * calls, 60,000 applications with small PDFs, 6,000 nominations, 300 quota lines, 2,000 events
 * with 100,000 registrations (at `scale: 1`). Counters are consistent with the rows: a quota
 * line's `used` is its seat-holding nominations, an event's `confirmedCount` its confirmed
 * registrations. PostgreSQL only: it writes through multi-row inserts in large batches.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase } from './client.js';
import { hashPassword } from './password-hash.js';
import { demoPassword, seedDemoData } from './seed.js';
import { samplePdf } from './seed-applications.js';

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

// Deterministic, so two runs at one scale produce the same shape of data.
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

const russianGiven = ['Анна', 'Дмитрий', 'Мария', 'Алексей', 'Екатерина', 'Иван', 'Ольга', 'Сергей', 'Наталья', 'Павел', 'Юлия', 'Максим', 'Татьяна', 'Никита', 'Ксения', 'Артём'];
const russianFamily = ['Петров', 'Иванов', 'Смирнов', 'Кузнецов', 'Соколов', 'Попов', 'Лебедев', 'Козлов', 'Новиков', 'Морозов', 'Волков', 'Фёдоров', 'Михайлов', 'Беляев'];
const chineseFamily = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const chineseGiven = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '晓明', '建国', '子涵', '雨桐'];
const latinGiven = ['Maria', 'John', 'Aisha', 'Lucas', 'Emma', 'Omar', 'Sofia', 'Daniel', 'Amina', 'Leon', 'Chloe', 'Mateo'];
const latinFamily = ['Garcia', 'Smith', 'Nguyen', 'Müller', 'Rossi', 'Kowalski', 'Haddad', 'Silva', 'Jensen', 'Dubois', 'Okafor', 'Novak'];

const eventThemes = [
  { en: 'Calligraphy workshop', ru: 'Мастер-класс по каллиграфии', zh: '书法工作坊' },
  { en: 'Tea ceremony evening', ru: 'Вечер чайной церемонии', zh: '茶艺之夜' },
  { en: 'Russian film club', ru: 'Клуб русского кино', zh: '俄罗斯电影俱乐部' },
  { en: 'Conversation practice', ru: 'Разговорная практика', zh: '会话练习' },
  { en: 'Railway history lecture', ru: 'Лекция по истории железных дорог', zh: '铁路历史讲座' },
  { en: 'Spring festival concert', ru: 'Концерт к празднику Весны', zh: '春节音乐会' },
  { en: 'Maslenitsa celebration', ru: 'Празднование Масленицы', zh: '谢肉节庆祝活动' },
  { en: 'Poetry reading', ru: 'Поэтические чтения', zh: '诗歌朗诵会' },
];

const day = 86_400_000;
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

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
    const summary: LargeSeedSummary = { skipped: false, students: 0, calls: 0, applications: 0, documents: 0, nominations: 0, quotaLines: 0, events: 0, registrations: 0, password: demoPassword };
    if (present > 0) {
      step(`The large data set is already present (${present} generated accounts); nothing written.`);
      return { ...summary, skipped: true };
    }

    const institutionRows = await sql<{ id: string; code: 'PSU' | 'BUAS' | 'BRI'; time_zone: string }[]>`select id, code, time_zone from institutions order by code`;
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
      const latin = random.chance(0.1);
      const fullName = latin
        ? `${random.pick(latinGiven)} ${random.pick(latinFamily)}`
        : institution.code === 'PSU'
          ? (() => {
              const given = random.pick(russianGiven);
              const family = random.pick(russianFamily);
              // Feminine family names for the feminine given names.
              return `${given} ${/[аяь]$/.test(given) && !given.endsWith('ь') ? `${family}а` : family}`;
            })()
          : `${random.pick(chineseFamily)}${random.pick(chineseGiven)}`;
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
    const lines: { id: string; agreement_id: string; sending_institution_id: string; receiving_institution_id: string; academic_year: string; mobility_type: string; eqf_levels: number[]; seats: number; used: number; total_months: number | null }[] = [];
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
    const callLines = new Map(calls.map((call) => [call.id, lines.filter((line) => line.sending_institution_id === call.institution_id && line.academic_year === call.academic_year)]));
    const callsOf = new Map<string, typeof calls>();
    for (const call of calls) callsOf.set(call.institution_id, [...(callsOf.get(call.institution_id) ?? []), call]);

    // ——— applications, preferences, documents, history, nominations ———
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
      let nomination: { status: string; line: (typeof lines)[number] } | null = null;
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
        if (status !== 'submitted') history.push({ application_id: id, from_status: 'submitted', to_status: status, actor_id: coordinator, at: new Date(submittedAt.getTime() + 30 * day) });
      }
      // Every application has its motivation letter; those past the draft also a transcript.
      for (const type of status === 'draft' ? ['motivation_letter'] : ['motivation_letter', 'transcript']) {
        const content = samplePdf(`${type.replace('_', ' ')} - application ${j}`);
        const documentId = randomUUID();
        documents.push({ id: documentId, application_id: id, type, file_name: `${type}-${documentId.slice(0, 8)}.pdf`, content_type: 'application/pdf', size: content.length, sha256: sha256(content), content, uploaded_by: student.id, created_at: submittedAt });
      }
      if (nomination) {
        const decided = nomination.status === 'approved' || nomination.status === 'rejected';
        nominations.push({
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
    for (const line of lines) line.seats = line.used + random.int(0, 6);

    await insert(
      'quota_lines',
      lines.map(({ eqf_levels, ...line }) => ({ ...line, eqf_levels: sql.array(eqf_levels, 23) })),
      'quota lines',
    );
    summary.quotaLines = lines.length;
    await insert(
      'calls',
      calls.map(({ current: _current, required_documents, ...call }) => ({ ...call, required_documents: sql.array(required_documents, 25) })),
    );
    await insert('call_quotas', calls.flatMap((call) => callLines.get(call.id)!.map((line) => ({ call_id: call.id, quota_id: line.id }))), 'call quota lines');
    summary.calls = calls.length;
    await insert('applications', applications);
    summary.applications = applications.length;
    await insert('application_preferences', preferences, 'preferences');
    await insert('application_documents', documents, 'documents (PDF)');
    summary.documents = documents.length;
    await insert('application_status_history', history, 'status history');
    await insert('nominations', nominations);
    summary.nominations = nominations.length;

    // ——— events and registrations ———
    const eventCount = Math.max(10, Math.round(2_000 * scale));
    const registrationTarget = Math.round(100_000 * scale);
    // Some wanted registrations are dropped (full event, no waiting list): aim a little higher.
    const perEvent = (registrationTarget / eventCount) * 1.05;
    const eventRows: Record<string, unknown>[] = [];
    const registrationRows: Record<string, unknown>[] = [];
    const firstDay = Date.UTC(2023, 8, 1);
    const lastDay = Date.UTC(2027, 5, 30);
    for (let e = 0; e < eventCount; e++) {
      const centre = centreRows[e % centreRows.length]!;
      const theme = random.pick(eventThemes);
      const startsAt = new Date(firstDay + Math.floor(((lastDay - firstDay) * e) / eventCount / 3_600_000) * 3_600_000 + 10 * 3_600_000);
      const roll = random.next();
      const status = roll < 0.05 ? 'draft' : roll < 0.12 ? 'cancelled' : 'published';
      const wanted = status === 'draft' ? 0 : Math.max(0, Math.round(perEvent * (0.5 + random.next())));
      const capacity = Math.max(5, Math.round(wanted * (0.6 + random.next() * 0.8)));
      const waitlistEnabled = random.chance(0.8);
      const eventId = randomUUID();
      const past = startsAt.getTime() < Date.now();
      const pool = students;
      const taken = new Set<number>();
      let confirmed = 0;
      for (let r = 0; r < wanted; r++) {
        let index = random.int(0, pool.length - 1);
        while (taken.has(index)) index = (index + 1) % pool.length;
        taken.add(index);
        let registrationStatus: string;
        if (random.chance(0.05)) registrationStatus = 'cancelled';
        else if (confirmed < capacity) registrationStatus = 'confirmed';
        else if (waitlistEnabled) registrationStatus = 'waitlisted';
        else continue;
        if (registrationStatus === 'confirmed') confirmed++;
        const at = new Date(startsAt.getTime() - random.int(1, 20) * day);
        registrationRows.push({
          event_id: eventId,
          user_id: pool[index]!.id,
          status: registrationStatus,
          check_in_token_hash: randomBytes(32).toString('hex'),
          checked_in_at: past && registrationStatus === 'confirmed' && status === 'published' && random.chance(0.7) ? new Date(startsAt.getTime() + 600_000) : null,
          created_at: at,
          updated_at: at,
        });
      }
      eventRows.push({
        id: eventId,
        centre_id: centre.id,
        title: sql.json({ en: `${theme.en} #${e + 1}`, ru: `${theme.ru} №${e + 1}`, zh: `${theme.zh} 第${e + 1}期` }),
        description: sql.json({ en: 'Generated event.', ru: 'Сгенерированное мероприятие.', zh: '生成的活动。' }),
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + 2 * 3_600_000),
        time_zone: timeZoneOf(centre.institution_id),
        venue: random.chance(0.8) ? ((room) => sql.json({ en: `Room ${room}`, ru: `Ауд. ${room}`, zh: `${room}室` }))(random.int(100, 499)) : null,
        online_url: random.chance(0.2) ? 'https://meet.example.org/exchange' : null,
        capacity,
        waitlist_enabled: waitlistEnabled,
        registration_opens_at: new Date(startsAt.getTime() - 30 * day),
        registration_closes_at: new Date(startsAt.getTime() - 3_600_000),
        status,
        confirmed_count: confirmed,
        created_at: new Date(startsAt.getTime() - 40 * day),
        updated_at: new Date(startsAt.getTime() - 40 * day),
      });
    }
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
