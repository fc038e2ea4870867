import { sql } from 'drizzle-orm';
import type { MobilityType } from '@exchange/shared';
import type { Database } from './client.js';
import { hashPassword } from './password-hash.js';
import { seedCallsAndApplications } from './seed-applications.js';
import { seedMobilities } from './seed-mobilities.js';
import { chineseToRussian, gradingOf, heiIdOf, russianToChinese } from './seed-grading.js';
import { seedLearningAgreements } from './seed-learning-agreements.js';
import { seedRecognition } from './seed-recognition.js';
import { seedNominations } from './seed-nominations.js';
import { seedCentresAndEvents } from './seed-events.js';
import { seedChecklistTemplates } from './seed-checklists.js';
import { agreementParties, agreements, gradeConversions, institutions, planItems, quotaLines, users } from './schema/index.js';

/** Every demo account's password. Demo data only: never seed it into a real installation. */
export const demoPassword = 'Exchange-Demo-2026!';

export const demoInstitutions = [
  {
    code: 'PSU',
    name: { en: 'Penza State University', ru: 'Пензенский государственный университет', zh: '奔萨国立大学' },
    city: 'Penza',
    country: 'RU',
    timeZone: 'Europe/Moscow',
  },
  {
    code: 'BUAS',
    name: { en: 'Baoji University of Arts and Sciences', ru: 'Баоцзинский институт искусств и наук', zh: '宝鸡文理学院' },
    city: 'Baoji',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
  },
  {
    code: 'BRI',
    name: { en: 'Baoji Railway Institute', ru: 'Баоцзинский железнодорожный институт', zh: '宝鸡铁路技师学院' },
    city: 'Baoji',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
  },
] as const;

type InstitutionCode = (typeof demoInstitutions)[number]['code'];

export const demoAccounts: {
  email: string;
  fullName: string;
  role: 'admin' | 'coordinator' | 'reviewer' | 'student';
  institution: InstitutionCode | null;
  locale: 'ru' | 'zh' | 'en';
}[] = [
  { email: 'admin@exchange.test', fullName: 'Agreement Administrator', role: 'admin', institution: null, locale: 'en' },
  { email: 'coordinator@psu.exchange.test', fullName: 'Ирина Сергеевна Волкова', role: 'coordinator', institution: 'PSU', locale: 'ru' },
  { email: 'coordinator@buas.exchange.test', fullName: '王丽华', role: 'coordinator', institution: 'BUAS', locale: 'zh' },
  { email: 'coordinator@bri.exchange.test', fullName: '李建国', role: 'coordinator', institution: 'BRI', locale: 'zh' },
  { email: 'reviewer@buas.exchange.test', fullName: '陈晓明', role: 'reviewer', institution: 'BUAS', locale: 'zh' },
  { email: 'student1@psu.exchange.test', fullName: 'Анна Петрова', role: 'student', institution: 'PSU', locale: 'ru' },
  { email: 'student2@psu.exchange.test', fullName: 'Дмитрий Иванов', role: 'student', institution: 'PSU', locale: 'ru' },
  { email: 'student3@psu.exchange.test', fullName: 'Мария Смирнова', role: 'student', institution: 'PSU', locale: 'ru' },
  { email: 'student4@psu.exchange.test', fullName: 'Алексей Кузнецов', role: 'student', institution: 'PSU', locale: 'en' },
  { email: 'student5@psu.exchange.test', fullName: 'Екатерина Соколова', role: 'student', institution: 'PSU', locale: 'ru' },
  { email: 'student1@buas.exchange.test', fullName: '张伟', role: 'student', institution: 'BUAS', locale: 'zh' },
  { email: 'student2@buas.exchange.test', fullName: '刘洋', role: 'student', institution: 'BUAS', locale: 'zh' },
];

const plan: {
  title: { en: string; ru: string; zh: string };
  deadline: string;
  responsible: InstitutionCode;
  status: 'planned' | 'in_progress' | 'done';
  /** The responsible coordinator's report, in the language it was written in. */
  note?: { text: string; locale: 'ru' | 'zh' | 'en' };
}[] = [
  {
    title: {
      en: 'Open the Chinese culture centre at Penza State University',
      ru: 'Открыть центр китайской культуры в ПГУ',
      zh: '在奔萨国立大学设立中国文化中心',
    },
    deadline: '2024-12-31',
    responsible: 'PSU',
    status: 'done',
    note: { text: 'Центр открыт 12 декабря 2024 г. в корпусе 7; за первый семестр проведено 14 занятий по каллиграфии и чайной культуре.', locale: 'ru' },
  },
  {
    title: {
      en: 'Open the Russian language and culture centre at BUAS',
      ru: 'Открыть центр русского языка и культуры в БИИН',
      zh: '在宝鸡文理学院设立俄语与俄罗斯文化中心',
    },
    deadline: '2025-03-31',
    responsible: 'BUAS',
    status: 'done',
    note: { text: '俄语与俄罗斯文化中心于2025年3月20日揭牌，首期开设两个俄语班，共42名学生。', locale: 'zh' },
  },
  {
    title: {
      en: 'First semester exchange of students in both directions',
      ru: 'Первый семестровый обмен студентами в обе стороны',
      zh: '首次双向学期学生交换',
    },
    deadline: '2025-09-01',
    responsible: 'PSU',
    status: 'done',
    note: { text: 'В сентябре 2025 г. четыре студента ПГУ начали семестр в БИИН, три студента БИИН — в ПГУ.', locale: 'ru' },
  },
  {
    title: {
      en: 'Joint summer school on railway transport engineering',
      ru: 'Совместная летняя школа по железнодорожному транспорту',
      zh: '铁道运输工程联合暑期学校',
    },
    deadline: '2026-07-31',
    responsible: 'BRI',
    status: 'in_progress',
    note: { text: '课程大纲已与奔萨国立大学商定；因签证办理延误，暑期学校推迟至2026年秋季举办。', locale: 'zh' },
  },
  {
    title: {
      en: 'Review of quotas and results of the 2024–2026 plan',
      ru: 'Подведение итогов плана 2024–2026 и пересмотр квот',
      zh: '2024–2026年计划总结及名额调整',
    },
    deadline: '2026-12-15',
    responsible: 'PSU',
    status: 'planned',
  },
];

/** Seats per direction and kind of mobility, for each seeded academic year. */
const quotaPlan: {
  from: InstitutionCode;
  to: InstitutionCode;
  mobilityType: MobilityType;
  seats: number;
  eqf: number[];
  months: number | null;
  isced: string[];
}[] = [
  { from: 'PSU', to: 'BUAS', mobilityType: 'semester', seats: 4, eqf: [6, 7], months: 20, isced: ['0231', '0222'] },
  { from: 'PSU', to: 'BUAS', mobilityType: 'language_course', seats: 6, eqf: [6, 7, 8], months: null, isced: ['0231'] },
  { from: 'PSU', to: 'BRI', mobilityType: 'semester', seats: 2, eqf: [6], months: 10, isced: ['0716'] },
  { from: 'BUAS', to: 'PSU', mobilityType: 'semester', seats: 4, eqf: [6, 7], months: 20, isced: ['0231', '0213'] },
  { from: 'BUAS', to: 'BRI', mobilityType: 'short_term', seats: 3, eqf: [6], months: null, isced: [] },
  { from: 'BRI', to: 'PSU', mobilityType: 'summer_school', seats: 5, eqf: [6], months: null, isced: ['0716'] },
  { from: 'BRI', to: 'BUAS', mobilityType: 'short_term', seats: 3, eqf: [6], months: null, isced: [] },
];

function languageRequirementFor(to: InstitutionCode) {
  return to === 'PSU' ? { language: 'ru' as const, scale: 'TORFL' as const, level: 'TORFL-1' } : { language: 'zh' as const, scale: 'HSK' as const, level: '4' };
}

/**
 * Writes the demo data of the design brief into an empty database. Returns false, changing
 * nothing, when the database already holds institutions.
 */
export async function seedDemoData(db: Database): Promise<boolean> {
  const passwordHashes = await Promise.all(demoAccounts.map(() => hashPassword(demoPassword)));
  return db.transaction(async (tx) => {
    // Serialises concurrent seeders; the second one then sees the data and stops.
    await tx.execute(sql`lock table institutions in exclusive mode`);
    const existing = await tx.select({ id: institutions.id }).from(institutions).limit(1);
    if (existing.length > 0) return false;

    const insertedInstitutions = await tx
      .insert(institutions)
      .values(demoInstitutions.map((row) => ({ ...row, heiId: heiIdOf[row.code], ...gradingOf[row.country] })))
      .returning();
    const idOf = (code: InstitutionCode) => insertedInstitutions.find((row) => row.code === code)!.id;
    await tx.insert(gradeConversions).values(
      (['BUAS', 'BRI'] as const).flatMap((code) => [
        { fromInstitutionId: idOf(code), toInstitutionId: idOf('PSU'), rules: chineseToRussian },
        { fromInstitutionId: idOf('PSU'), toInstitutionId: idOf(code), rules: russianToChinese },
      ]),
    );
    await seedChecklistTemplates(tx, insertedInstitutions);

    await tx.insert(users).values(
      demoAccounts.map((account, index) => ({
        email: account.email,
        fullName: account.fullName,
        role: account.role,
        institutionId: account.institution ? idOf(account.institution) : null,
        status: 'active' as const,
        locale: account.locale,
        passwordHash: passwordHashes[index]!,
        // The demo's addresses are the demo's own: taken as proven, as an office's own staff would be.
        emailVerifiedAt: new Date(),
      })),
    );

    const [agreement] = await tx
      .insert(agreements)
      .values({
        title: {
          en: 'Tripartite agreement on student exchange and international cultural centres',
          ru: 'Трёхстороннее соглашение о студенческом обмене и международных культурных центрах',
          zh: '关于学生交流和国际文化中心的三方协议',
        },
        signedOn: '2024-04-26',
        validFrom: '2024-05-01',
        validTo: '2026-12-31',
        status: 'active',
      })
      .returning();
    const agreementId = agreement!.id;
    await tx.insert(agreementParties).values(demoInstitutions.map((institution) => ({ agreementId, institutionId: idOf(institution.code) })));
    await tx.insert(planItems).values(
      plan.map((item, position) => ({
        agreementId,
        position,
        title: item.title,
        deadline: item.deadline,
        responsibleInstitutionId: idOf(item.responsible),
        status: item.status,
        note: item.note?.text ?? null,
        noteLocale: item.note?.locale ?? null,
      })),
    );
    await tx.insert(quotaLines).values(
      ['2025/2026', '2026/2027'].flatMap((academicYear) =>
        quotaPlan.map((line) => ({
          agreementId,
          sendingInstitutionId: idOf(line.from),
          receivingInstitutionId: idOf(line.to),
          academicYear,
          mobilityType: line.mobilityType,
          eqfLevels: line.eqf,
          iscedCodes: line.isced,
          seats: line.seats,
          totalMonths: line.months,
          languageRequirement: languageRequirementFor(line.to),
        })),
      ),
    );
    await seedCallsAndApplications(tx);
    await seedNominations(tx);
    await seedMobilities(tx);
    await seedLearningAgreements(tx);
    await seedRecognition(tx);
    await seedCentresAndEvents(tx);
    return true;
  });
}
