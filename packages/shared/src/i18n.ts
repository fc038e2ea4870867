import { defaultLocale, locales, type Locale } from './enums.js';

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

/**
 * Picks the best supported locale from an `Accept-Language` header, honouring q-values;
 * `zh-CN`, `zh-Hans` and the like count as `zh`.
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return defaultLocale;
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
  return dateTimeFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export const intlLocale: Record<Locale, string> = { ru: 'ru-RU', zh: 'zh-CN', en: 'en-GB' };

/**
 * The instant at which clocks in `timeZone` show `local` (`2026-03-31T23:59`): how a deadline
 * typed as Penza time becomes 23:59 Moscow time whatever the typist's own zone.
 */
export function zonedLocalToInstant(local: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) throw new RangeError(`Not a local date-time: ${local}`);
  const [, y, mo, d, h, mi, s = '0'] = match;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  // Two passes settle the offset even across a daylight-saving change.
  let guess = asUtc;
  for (let pass = 0; pass < 2; pass++) guess = asUtc - zoneOffsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** The local date-time (`2026-03-31T23:59`) an instant shows in a time zone: for form fields. */
export function instantToZonedLocal(instant: string | Date, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = Object.fromEntries(
    dateTimeFormat('en-GB', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(date).map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

function zoneOffsetMs(date: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    dateTimeFormat('en-GB', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    }).formatToParts(date).map((part) => [part.type, part.value]),
  );
  const shown = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return shown - Math.floor(date.getTime() / 1000) * 1000;
}
