/**
 * What the spreadsheet exports say, in each working language: column headers and sheet names
 * (packages/texts/messages/<locale>/export.json), enumerated values (statuses, kinds of
 * mobility, document types, levels: the labels the web shows too) and times shown in a time
 * zone with its offset.
 */
import type { FastifyRequest } from 'fastify';
import {
  applicationStatusLabel,
  certificateLine,
  dateTimeFormat,
  documentTypeLabel,
  eqfLevelLabel,
  inZone,
  intlLocale,
  isLocale,
  languageLabel,
  localDateTime,
  mobilityTypeLabel,
  negotiateLocale,
  nominationStatusLabel,
  registrationStatusLabel,
  timeZoneName,
  utcOffset,
  writtenText,
  type LanguageCertificate,
  type Locale,
} from '@exchange/shared';
import * as texts from '@exchange/texts/export';

type Message = (inputs: Record<string, never>, options: { locale: Locale }) => string;

/** `?lang=` when it names a working language, else the request's `Accept-Language`. */
export function exportLocale(request: FastifyRequest): Locale {
  const lang = (request.query as { lang?: unknown } | undefined)?.lang;
  if (isLocale(lang)) return lang;
  return negotiateLocale(request.headers['accept-language']);
}

export const applicationColumns = [
  'student',
  'studentLatin',
  'email',
  'status',
  'submittedAt',
  'gpa',
  'score',
  'eligible',
  'preferences',
  'documents',
  'reviewComment',
] as const;
export const nominationColumns = [
  'student',
  'studentLatin',
  'email',
  'homeInstitution',
  'receivingInstitution',
  'academicYear',
  'mobilityType',
  'status',
  'studyLevel',
  'fieldOfStudy',
  'languages',
  'nominatedAt',
  'decidedAt',
  'partnerComment',
] as const;
export const registrationColumns = ['fullName', 'email', 'institution', 'status', 'position', 'registeredAt', 'checkedInAt'] as const;
export const auditColumns = ['at', 'actor', 'institution', 'action', 'entityType', 'entityId', 'changes'] as const;

/** A column's header key in messages/<locale>/export.json: `export_<sheet>_<column in snake case>`. */
const headerKey = (sheet: string, column: string) =>
  `export_${sheet}_${column.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}` as Extract<keyof typeof texts, `export_${string}`>;
const say = (message: Message, locale: Locale) => message({}, { locale });
const headerOf = (sheet: string, columns: readonly string[], locale: Locale) => columns.map((column) => say(texts[headerKey(sheet, column)], locale));
const lookup = (labels: Record<string, Message>, locale: Locale) => (value: string) => {
  const label = labels[value];
  return label ? say(label, locale) : value;
};

/** Everything an export needs to speak one language. */
export function exportTexts(locale: Locale) {
  return {
    locale,
    sheet: {
      applications: say(texts.export_sheet_applications, locale),
      nominations: say(texts.export_sheet_nominations, locale),
      registrations: say(texts.export_sheet_registrations, locale),
      audit: say(texts.export_sheet_audit, locale),
    },
    applicationHeader: headerOf('application', applicationColumns, locale),
    nominationHeader: headerOf('nomination', nominationColumns, locale),
    registrationHeader: headerOf('registration', registrationColumns, locale),
    auditHeader: headerOf('audit', auditColumns, locale),
    applicationStatus: lookup(applicationStatusLabel, locale),
    nominationStatus: lookup(nominationStatusLabel, locale),
    registrationStatus: lookup(registrationStatusLabel, locale),
    mobilityType: lookup(mobilityTypeLabel, locale),
    documentType: lookup(documentTypeLabel, locale),
    language: lookup(languageLabel, locale),
    studyLevel: (level: number | null | undefined) => (level === null || level === undefined ? '' : eqfLevelLabel(level, locale)),
    yesNo: (value: boolean | null | undefined) => (value === null || value === undefined ? '' : say(value ? texts.export_yes : texts.export_no, locale)),
    /** Someone's own words, with "(in Russian)" when they wrote in another language than the export's. */
    written: (text: string | null | undefined, writtenIn: Locale | null | undefined) => writtenText(text ?? '', writtenIn, locale),
    /** "Russian: TORFL-1, 15 May 2025", named as on the web. */
    certificate: (certificate: LanguageCertificate) => certificateLine(lookup(languageLabel, locale)(certificate.language), certificate, locale),
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
  const date = dateTimeFormat(intlLocale[locale], { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(
    new Date(`${local.slice(0, 10)}T00:00:00Z`),
  );
  const time = local.slice(11, 16);
  const offset = utcOffset(zoned);
  const zone = timeZoneName(timeZone, locale);
  return locale === 'zh' ? `${date} ${time}（${zone}，${offset}）` : `${date} ${time} (${zone}, ${offset})`;
}
