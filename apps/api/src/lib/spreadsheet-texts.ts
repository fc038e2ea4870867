/**
 * What the spreadsheet exports say, in each working language: column headers, sheet names,
 * enumerated values (statuses, kinds of mobility, document types, levels) and times shown in
 * a time zone with its offset. The words follow the web's catalogs, so a list on screen and
 * its export read alike.
 */
import type { FastifyRequest } from 'fastify';
import {
  certificateLine,
  dateTimeFormat,
  inZone,
  intlLocale,
  isLocale,
  localDateTime,
  negotiateLocale,
  timeZoneName,
  utcOffset,
  writtenText,
  type ApplicationStatus,
  type DocumentType,
  type Language,
  type LanguageCertificate,
  type Locale,
  type MobilityType,
  type NominationStatus,
  type RegistrationStatus,
} from '@exchange/shared';

type Texts<K extends string> = Record<Locale, Record<K, string>>;

/** `?lang=` when it names a working language, else the request's `Accept-Language`. */
export function exportLocale(request: FastifyRequest): Locale {
  const lang = (request.query as { lang?: unknown } | undefined)?.lang;
  if (isLocale(lang)) return lang;
  return negotiateLocale(request.headers['accept-language']);
}

export const applicationColumns = ['student', 'studentLatin', 'email', 'status', 'submittedAt', 'gpa', 'score', 'eligible', 'preferences', 'documents', 'reviewComment'] as const;
export const nominationColumns = [
  'student', 'studentLatin', 'email', 'homeInstitution', 'receivingInstitution', 'academicYear', 'mobilityType', 'status', 'studyLevel', 'fieldOfStudy', 'languages', 'nominatedAt', 'decidedAt', 'partnerComment',
] as const;
export const registrationColumns = ['fullName', 'email', 'institution', 'status', 'position', 'registeredAt', 'checkedInAt'] as const;

const applicationHeaders: Texts<(typeof applicationColumns)[number]> = {
  en: {
    student: 'Student', studentLatin: 'Name in Latin letters', email: 'E-mail', status: 'Status', submittedAt: 'Submitted', gpa: 'GPA (5-point scale)', score: 'Score (0–100)',
    eligible: 'Eligible', preferences: 'Preferences', documents: 'Documents', reviewComment: 'Review comment',
  },
  ru: {
    student: 'Студент', studentLatin: 'Имя латиницей', email: 'Эл. почта', status: 'Статус', submittedAt: 'Подана', gpa: 'Средний балл (из 5)', score: 'Балл (0–100)',
    eligible: 'Допущена к отбору', preferences: 'Приоритеты', documents: 'Документы', reviewComment: 'Комментарий к оценке',
  },
  zh: {
    student: '学生', studentLatin: '拉丁字母姓名', email: '电子邮箱', status: '状态', submittedAt: '提交时间', gpa: '平均绩点（5 分制）', score: '评分（0–100）',
    eligible: '是否符合条件', preferences: '志愿', documents: '材料', reviewComment: '评语',
  },
};

const nominationHeaders: Texts<(typeof nominationColumns)[number]> = {
  en: {
    student: 'Student', studentLatin: 'Name in Latin letters', email: 'E-mail', homeInstitution: 'Home university', receivingInstitution: 'Receiving university',
    academicYear: 'Academic year', mobilityType: 'Kind of mobility', status: 'Status', studyLevel: 'Level of study', fieldOfStudy: 'Field of study (ISCED-F code)',
    languages: 'Language certificates', nominatedAt: 'Nominated', decidedAt: 'Decided', partnerComment: 'The partner’s reason',
  },
  ru: {
    student: 'Студент', studentLatin: 'Имя латиницей', email: 'Эл. почта', homeInstitution: 'Направляющий университет', receivingInstitution: 'Принимающий университет',
    academicYear: 'Учебный год', mobilityType: 'Вид мобильности', status: 'Статус', studyLevel: 'Уровень обучения', fieldOfStudy: 'Направление (код ISCED-F)',
    languages: 'Языковые сертификаты', nominatedAt: 'Номинирован(а)', decidedAt: 'Решение принято', partnerComment: 'Причина, указанная партнёром',
  },
  zh: {
    student: '学生', studentLatin: '拉丁字母姓名', email: '电子邮箱', homeInstitution: '派出院校', receivingInstitution: '接收院校',
    academicYear: '学年', mobilityType: '交流类型', status: '状态', studyLevel: '学习层次', fieldOfStudy: '专业领域（ISCED-F 代码）',
    languages: '语言证书', nominatedAt: '推荐时间', decidedAt: '决定时间', partnerComment: '对方给出的原因',
  },
};

const registrationHeaders: Texts<(typeof registrationColumns)[number]> = {
  en: { fullName: 'Full name', email: 'E-mail', institution: 'Institution', status: 'Status', position: 'Waiting-list position', registeredAt: 'Registered', checkedInAt: 'Checked in' },
  ru: { fullName: 'ФИО', email: 'Эл. почта', institution: 'Вуз', status: 'Статус', position: 'Место в листе ожидания', registeredAt: 'Зарегистрирован(а)', checkedInAt: 'Отметка о приходе' },
  zh: { fullName: '姓名', email: '电子邮箱', institution: '院校', status: '状态', position: '候补顺位', registeredAt: '报名时间', checkedInAt: '签到时间' },
};

const sheets: Texts<'applications' | 'nominations' | 'registrations'> = {
  en: { applications: 'Applications', nominations: 'Nominations', registrations: 'Registrations' },
  ru: { applications: 'Заявки', nominations: 'Номинации', registrations: 'Регистрации' },
  zh: { applications: '申请', nominations: '推荐', registrations: '报名' },
};

const applicationStatusTexts: Texts<ApplicationStatus> = {
  en: {
    draft: 'Draft', submitted: 'Submitted', withdrawn: 'Withdrawn', ineligible: 'Not eligible', waitlisted: 'Waiting list', nominated: 'Nominated',
    not_placed: 'Not placed', accepted: 'Accepted by the partner', declined: 'Declined by the partner', cancelled: 'Nomination cancelled',
  },
  ru: {
    draft: 'Черновик', submitted: 'Подана', withdrawn: 'Отозвана', ineligible: 'Не допущена', waitlisted: 'Лист ожидания', nominated: 'Номинирована',
    not_placed: 'Место не досталось', accepted: 'Принята партнёром', declined: 'Отклонена партнёром', cancelled: 'Номинация отменена',
  },
  zh: {
    draft: '草稿', submitted: '已提交', withdrawn: '已撤回', ineligible: '不符合条件', waitlisted: '候补', nominated: '已推荐',
    not_placed: '未获名额', accepted: '对方已接收', declined: '对方未接收', cancelled: '推荐已取消',
  },
};

const nominationStatusTexts: Texts<NominationStatus> = {
  en: { pending: 'Awaiting decision', approved: 'Approved', rejected: 'Rejected', cancelled: 'Cancelled' },
  ru: { pending: 'Ожидает решения', approved: 'Одобрена', rejected: 'Отклонена', cancelled: 'Отменена' },
  zh: { pending: '待决定', approved: '已批准', rejected: '已拒绝', cancelled: '已取消' },
};

const registrationStatusTexts: Texts<RegistrationStatus> = {
  en: { confirmed: 'Confirmed', waitlisted: 'On the waiting list', cancelled: 'Cancelled' },
  ru: { confirmed: 'Подтверждено', waitlisted: 'В листе ожидания', cancelled: 'Отменена' },
  zh: { confirmed: '已确认', waitlisted: '候补中', cancelled: '已取消' },
};

const mobilityTexts: Texts<MobilityType> = {
  en: { semester: 'Semester', academic_year: 'Academic year', summer_school: 'Summer school', language_course: 'Language course', short_term: 'Short-term visit' },
  ru: { semester: 'Семестр', academic_year: 'Учебный год', summer_school: 'Летняя школа', language_course: 'Языковой курс', short_term: 'Краткосрочная поездка' },
  zh: { semester: '一学期', academic_year: '一学年', summer_school: '暑期学校', language_course: '语言课程', short_term: '短期访问' },
};

const documentTexts: Texts<DocumentType> = {
  en: { motivation_letter: 'Motivation letter', transcript: 'Transcript of records', language_certificate: 'Language certificate', passport_copy: 'Passport copy', cv: 'CV', reference_letter: 'Reference letter' },
  ru: { motivation_letter: 'Мотивационное письмо', transcript: 'Выписка оценок', language_certificate: 'Языковой сертификат', passport_copy: 'Копия паспорта', cv: 'Резюме', reference_letter: 'Рекомендательное письмо' },
  zh: { motivation_letter: '动机信', transcript: '成绩单', language_certificate: '语言证书', passport_copy: '护照复印件', cv: '简历', reference_letter: '推荐信' },
};

const languageTexts: Texts<Language> = {
  en: { ru: 'Russian', zh: 'Chinese', en: 'English' },
  ru: { ru: 'Русский', zh: 'Китайский', en: 'Английский' },
  zh: { ru: '俄语', zh: '汉语', en: '英语' },
};

const levelTexts: Texts<'6' | '7' | '8'> = {
  en: { 6: 'Bachelor (EQF 6)', 7: 'Master (EQF 7)', 8: 'Doctorate (EQF 8)' },
  ru: { 6: 'Бакалавриат (EQF 6)', 7: 'Магистратура (EQF 7)', 8: 'Аспирантура (EQF 8)' },
  zh: { 6: '本科（EQF 6）', 7: '硕士（EQF 7）', 8: '博士（EQF 8）' },
};

const yesNo: Texts<'yes' | 'no'> = { en: { yes: 'yes', no: 'no' }, ru: { yes: 'да', no: 'нет' }, zh: { yes: '是', no: '否' } };

const headerOf = <K extends string>(texts: Texts<K>, columns: readonly K[], locale: Locale) => columns.map((column) => texts[locale][column]);
const lookup = <K extends string>(texts: Texts<K>, locale: Locale) => (value: string) => (texts[locale] as Record<string, string>)[value] ?? value;

/** Everything an export needs to speak one language. */
export function exportTexts(locale: Locale) {
  return {
    locale,
    sheet: sheets[locale],
    applicationHeader: headerOf(applicationHeaders, applicationColumns, locale),
    nominationHeader: headerOf(nominationHeaders, nominationColumns, locale),
    registrationHeader: headerOf(registrationHeaders, registrationColumns, locale),
    applicationStatus: lookup(applicationStatusTexts, locale),
    nominationStatus: lookup(nominationStatusTexts, locale),
    registrationStatus: lookup(registrationStatusTexts, locale),
    mobilityType: lookup(mobilityTexts, locale),
    documentType: lookup(documentTexts, locale),
    language: lookup(languageTexts, locale),
    studyLevel: (level: number | null | undefined) => (level === null || level === undefined ? '' : lookup(levelTexts, locale)(String(level))),
    yesNo: (value: boolean | null | undefined) => (value === null || value === undefined ? '' : yesNo[locale][value ? 'yes' : 'no']),
    /** Someone's own words, with "(in Russian)" when they wrote in another language than the export's. */
    written: (text: string | null | undefined, writtenIn: Locale | null | undefined) => writtenText(text ?? '', writtenIn, locale),
    /** "Russian: TORFL-1, 15 May 2025", named as on the web. */
    certificate: (certificate: LanguageCertificate) => certificateLine(lookup(languageTexts, locale)(certificate.language), certificate, locale),
    /** `31.03.2026 23:59 (московское время, UTC+3)` (ru), `2026/03/31 23:59（莫斯科时间，UTC+3）` (zh), `31/03/2026 23:59 (Moscow time, UTC+3)` (en). */
    instant: (instant: string | Date | null | undefined, timeZone: string) => formatExportInstant(instant, locale, timeZone),
  };
}
export type ExportTexts = ReturnType<typeof exportTexts>;

/** An instant as the wall-clock time of a zone, in the locale's date order, with the zone's name and offset. */
export function formatExportInstant(instant: string | Date | null | undefined, locale: Locale, timeZone: string): string {
  if (instant === null || instant === undefined || instant === '') return '';
  const zoned = inZone(instant, timeZone);
  const local = localDateTime(zoned);
  // The zone's calendar day, written in the locale's order (formatted as UTC: no second shift).
  const date = dateTimeFormat(intlLocale[locale], { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(new Date(`${local.slice(0, 10)}T00:00:00Z`));
  const time = local.slice(11, 16);
  const offset = utcOffset(zoned);
  const zone = timeZoneName(timeZone, locale);
  return locale === 'zh' ? `${date} ${time}（${zone}，${offset}）` : `${date} ${time} (${zone}, ${offset})`;
}
