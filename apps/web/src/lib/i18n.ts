/**
 * The current locale and texts kept in several languages (names, someone's own words). Labels
 * live in $lib/labels/<domain>.ts (see packages/texts/README.md), so a page's JavaScript
 * carries only the catalog messages it shows.
 */
import { cityName, intlLocale, localize, type Institution, type Locale, type LocalizedText, writtenText } from '@exchange/shared';
import { getLocale } from '@exchange/texts/runtime';

export const currentLocale = (): Locale => getLocale();

/** A localized text in the current locale; `lang` is set when another language stood in. */
export function pick(text: LocalizedText): { text: string; lang: Locale | undefined } {
  const locale = currentLocale();
  const result = localize(text, locale);
  return { text: result.text, lang: result.locale === locale ? undefined : result.locale };
}

export const institutionName = (institution: Pick<Institution, 'name'>) => pick(institution.name).text;

/** Someone's own words as one string, with "(in Russian)" when not in the reader's language: for texts inside a sentence. */
export const written = (text: string, writtenIn: Locale | null | undefined) => writtenText(text, writtenIn, currentLocale());

/**
 * A name in Latin letters as the reader's own passport would show it: a Chinese student's
 * (home institution in China, or the Chinese page when it is not known) is "Wang Lihua".
 */
export function latinNameExample(homeCountry?: string | null): string {
  const chinese = homeCountry ? homeCountry.toUpperCase() === 'CN' : currentLocale() === 'zh';
  return chinese ? 'Wang Lihua' : 'Anna Petrova';
}

/** The institution's city in the reader's language ("Пенза", "宝鸡"). */
export const cityLabel = (city: string) => cityName(city, currentLocale());

export const intlTag = () => intlLocale[currentLocale()];
