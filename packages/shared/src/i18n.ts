import { locales, type Locale } from './enums.js';

/** A text kept in the three working languages of the agreement. */
export type LocalizedText = { ru: string; zh: string; en: string };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Order in which other languages stand in for a missing translation. */
const fallbackOrder: Record<Locale, readonly Locale[]> = {
  ru: ['ru', 'en', 'zh'],
  zh: ['zh', 'en', 'ru'],
  en: ['en', 'ru', 'zh'],
};

/**
 * Picks the text in the wanted language, or the first available fallback; `locale` says
 * which language was used so the page can mark the text with `lang` and show it is a fallback.
 */
export function localize(text: LocalizedText, locale: Locale): { text: string; locale: Locale } {
  for (const candidate of fallbackOrder[locale]) {
    const value = text[candidate]?.trim();
    if (value) return { text: value, locale: candidate };
  }
  return { text: '', locale };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An Intl.DateTimeFormat for these settings, built once: building one costs far more than
 * formatting with it, and a page of events formats hundreds of times with a handful of kinds.
 * The kinds are few (locales × zones × styles); the cache is emptied if that ever stops being so.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    if (formatters.size >= 1000) formatters.clear();
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Formats an instant in a time zone for a locale, e.g. "31 March 2026, 23:59 (Moscow)". */
export function formatInstant(
  instant: string | Date,
  locale: Locale,
  timeZone: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return dateTimeFormat(intlLocale[locale], { ...options, timeZone }).format(date);
}

/** Formats a calendar date (`2026-05-01`) for a locale without shifting it across zones. */
export function formatDate(date: string, locale: Locale): string {
  return dateTimeFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

export const intlLocale: Record<Locale, string> = { ru: 'ru-RU', zh: 'zh-CN', en: 'en-GB' };
