/**
 * Words the web, the exports and the e-mails must say alike in each working language: language
 * levels, certificates, time zones, cities and the "in Russian" note on a text written in
 * another language. One function each, so a call and its quota lines, a page and its
 * spreadsheet never name the same thing differently; the words of levels, cities and notes
 * are in packages/texts/messages/<locale>/labels.json.
 */
import { languageLevels, type Language, type LanguageScale, type Locale } from './enums.js';
import { dateTimeFormat, formatDate, intlLocale } from './i18n.js';
import * as m from '@exchange/texts/labels';

type TorflLevel = (typeof languageLevels.TORFL)[number];
type Name = (inputs: Record<string, never>, options: { locale: Locale }) => string;

/** TORFL (ТРКИ) levels by their official names (ТЭУ elementary, ТБУ basic, ТРКИ-1…4), from labels.json. */
const torflLabels: Record<TorflLevel, Name> = {
  TEU: m.torfl_teu,
  TBU: m.torfl_tbu,
  'TORFL-1': m.torfl_1,
  'TORFL-2': m.torfl_2,
  'TORFL-3': m.torfl_3,
  'TORFL-4': m.torfl_4,
};
const torflName = (level: TorflLevel, locale: Locale) => torflLabels[level]({}, { locale });

/** The same TORFL level as people write it on a certificate ("ТРКИ-1", "TORFL 1", "ТБУ", "basic"). */
const torflSpellings: Record<string, TorflLevel> = {
  teu: 'TEU',
  тэу: 'TEU',
  elementary: 'TEU',
  tbu: 'TBU',
  тбу: 'TBU',
  basic: 'TBU',
  ...Object.fromEntries(
    [1, 2, 3, 4].flatMap((n) => [
      [`${n}`, `TORFL-${n}`],
      [`torfl${n}`, `TORFL-${n}`],
      [`трки${n}`, `TORFL-${n}`],
    ]),
  ),
};

const isTorflLevel = (level: string): level is TorflLevel => (languageLevels.TORFL as readonly string[]).includes(level);

/** A level of a scale as the reader names it: "ТРКИ-2" (ru), "TORFL-2" (en), "俄语等级考试二级" (zh), "HSK 4", "B2 (CEFR)". */
export function languageLevelLabel(scale: LanguageScale, level: string, locale: Locale): string {
  if (scale === 'TORFL') return isTorflLevel(level) ? torflName(level, locale) : level;
  if (scale === 'HSK') return `HSK ${level}`;
  return locale === 'zh' ? `${level}（CEFR）` : `${level} (CEFR)`;
}

/** The TORFL level a free-text certificate names, if it names one. */
function torflLevelOf(test: string, level: string): TorflLevel | null {
  const compact = (value: string) => value.toLowerCase().replace(/[\s\-_.()]/g, '');
  const isTorfl = /torfl|трки|тэу|тбу/i.test(test) || /torfl|трки|тэу|тбу/i.test(level);
  if (!isTorfl) return null;
  if (isTorflLevel(level)) return level;
  return torflSpellings[compact(level)] ?? null;
}

/**
 * A language certificate as one line: "TORFL-1, 15 May 2025"; a TORFL level is named as in
 * calls and quota lines, the date in the reader's form.
 */
export function certificateLabel(certificate: { test: string; level: string; date: string }, locale: Locale): string {
  const torfl = torflLevelOf(certificate.test, certificate.level);
  const level = torfl ? torflName(torfl, locale) : `${certificate.test} ${certificate.level}`.trim();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(certificate.date) ? formatDate(certificate.date, locale) : certificate.date;
  return date ? `${level}${locale === 'zh' ? '，' : ', '}${date}` : level;
}

/** "Russian: TORFL-1, 15 May 2025" with the certificate's language already named for the reader. */
export function certificateLine(languageName: string, certificate: { test: string; level: string; date: string }, locale: Locale): string {
  return `${languageName}${locale === 'zh' ? '：' : ': '}${certificateLabel(certificate, locale)}`;
}

/** The agreement's zones named as people say them; Asia/Shanghai is Beijing time in China. */
const zoneNames: Record<string, Record<Locale, string>> = {
  'Europe/Moscow': { en: 'Moscow time', ru: 'московское время', zh: '莫斯科时间' },
  'Asia/Shanghai': { en: 'Beijing time', ru: 'пекинское время', zh: '北京时间' },
};

/** "Moscow time", "пекинское время", "北京时间"; another zone by the name Intl gives it, never as `Area/City`. */
export function timeZoneName(timeZone: string, locale: Locale): string {
  const known = zoneNames[timeZone]?.[locale];
  if (known) return known;
  try {
    const part = dateTimeFormat(intlLocale[locale], { timeZone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    if (part?.value) return part.value;
  } catch {
    // An unknown zone falls through to its city part.
  }
  return timeZone.split('/').pop()!.replace(/_/g, ' ');
}

/** Names of the agreement's cities: the data keeps one form (English), readers need their own. */
const cityNames: Record<string, Name> = { penza: m.city_penza, baoji: m.city_baoji };
const citySpellings: Record<string, string> = {
  penza: 'penza',
  пенза: 'penza',
  奔萨: 'penza',
  baoji: 'baoji',
  баоцзи: 'baoji',
  宝鸡: 'baoji',
};

/** A city in the reader's language when it is known, else as stored. */
export function cityName(city: string, locale: Locale): string {
  const key = citySpellings[city.trim().toLowerCase()];
  return key ? cityNames[key]!({}, { locale }) : city;
}

/** "in Russian", "на китайском", "英文": the note beside a text written in another language. */
const inLanguage: Record<Language, Name> = { ru: m.in_language_ru, zh: m.in_language_zh, en: m.in_language_en };

export function inLanguageNote(language: Language, reader: Locale): string {
  return inLanguage[language]({}, { locale: reader });
}

/**
 * A text someone wrote, for a reader: with "(in Russian)" when the writer's language differs
 * from the reader's, so a reason in another language is not taken for a translation.
 */
export function writtenText(text: string, writtenIn: Language | null | undefined, reader: Locale): string {
  const note = text ? writtenInNote(writtenIn, reader) : null;
  if (!note) return text;
  return reader === 'zh' ? `${text}${note}` : `${text} ${note}`;
}

/** "(in Russian)", "（俄文）", or null when the text is in the reader's language or its language is not known. */
export function writtenInNote(writtenIn: Language | null | undefined, reader: Locale): string | null {
  if (!writtenIn || writtenIn === reader) return null;
  const note = inLanguageNote(writtenIn, reader);
  return reader === 'zh' ? `（${note}）` : `(${note})`;
}
