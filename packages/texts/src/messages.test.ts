import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The working languages and the Intl locale whose CLDR plural rules each follows. */
const intlLocale = { en: 'en-GB', ru: 'ru-RU', zh: 'zh-CN' } as const;
const locales = Object.keys(intlLocale) as (keyof typeof intlLocale)[];

// One folder per language, one file per part of the system (web, mail, export).
const catalogDir = fileURLToPath(new URL('../messages/', import.meta.url));
const filesOf = (locale: string) =>
  readdirSync(`${catalogDir}${locale}`)
    .filter((file) => file.endsWith('.json'))
    .sort();
const loadFile = (locale: string, file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(`${catalogDir}${locale}/${file}`, 'utf8')) as Record<string, unknown>;
const load = (locale: string): Record<string, unknown> => Object.assign({}, ...filesOf(locale).map((file) => loadFile(locale, file)));
const catalogs = Object.fromEntries(locales.map((locale) => [locale, load(locale)]));
const keysOf = (catalog: Record<string, unknown>) => Object.keys(catalog).filter((key) => key !== '$schema');
const allKeys = [...new Set(Object.values(catalogs).flatMap(keysOf))].sort();
// The compiled catalog is some 1,600 small modules; loading them is most of this file's time.
const compiled = () => import('../dist/paraglide/messages.js');
/** A message is a text or, for plural forms, `[{declarations, selectors, match: {"countPlural=one": text, …}}]`. */
type Variants = { declarations?: string[]; selectors?: string[]; match: Record<string, string> };
const texts = (message: unknown): string[] =>
  typeof message === 'string' ? [message] : Array.isArray(message) ? (message as Variants[]).flatMap((variant) => Object.values(variant?.match ?? {})) : [];
const placeholders = (message: unknown) => [...new Set(texts(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1])))].sort();

describe('message catalogs', () => {
  it('have messages at all', () => {
    expect(allKeys.length).toBeGreaterThan(100);
  });

  it('split every language into the same files, a key in one file only', () => {
    for (const locale of locales) expect(filesOf(locale), locale).toEqual(filesOf('en'));
    for (const locale of locales) {
      const keys = filesOf(locale).flatMap((file) => keysOf(loadFile(locale, file)));
      expect(
        keys.filter((key, index) => keys.indexOf(key) !== index),
        `keys in two files of ${locale}`,
      ).toEqual([]);
    }
  });

  for (const locale of locales) {
    it(`${locale} has every key, none empty`, () => {
      const catalog = catalogs[locale]!;
      const missing = allKeys.filter((key) => !(key in catalog));
      const empty = allKeys.filter((key) => key in catalog && (texts(catalog[key]).length === 0 || texts(catalog[key]).some((text) => !text.trim())));
      expect(missing, `missing in ${locale}.json`).toEqual([]);
      expect(empty, `empty in ${locale}.json`).toEqual([]);
    });

    it(`${locale} uses the same placeholders as English`, () => {
      const english = catalogs.en!;
      const catalog = catalogs[locale]!;
      const different = keysOf(english).filter((key) => key in catalog && placeholders(catalog[key]).join() !== placeholders(english[key]).join());
      expect(different).toEqual([]);
    });

    it(`${locale} gives every plural message a form for each of the language's CLDR categories`, () => {
      const categories = new Intl.PluralRules(intlLocale[locale]).resolvedOptions().pluralCategories;
      const catalog = catalogs[locale]!;
      const lacking = keysOf(catalog).flatMap((key) => {
        const message = catalog[key];
        if (!Array.isArray(message)) return [];
        const variant = (message as Variants[])[0]!;
        const selector = variant.selectors?.[0];
        const has = new Set(Object.keys(variant.match).map((condition) => condition.replace(`${selector}=`, '')));
        return categories.filter((category) => !has.has(category) && !(category === 'other' && has.has('*'))).map((category) => `${key}: ${category}`);
      });
      expect(lacking).toEqual([]);
    });
  }

  it('count nouns by the CLDR rules of each language', async () => {
    const { m } = await compiled();
    const ru = (count: number) => `${count} ${m.office_attendance_events({ count }, { locale: 'ru' })}`;
    expect([1, 2, 5, 11, 21, 22].map(ru)).toEqual(['1 мероприятие', '2 мероприятия', '5 мероприятий', '11 мероприятий', '21 мероприятие', '22 мероприятия']);
    expect(m.office_attendance_events({ count: 1 }, { locale: 'en' })).toBe('event');
    expect(m.office_attendance_events({ count: 2 }, { locale: 'en' })).toBe('events');
    expect(m.allocation_confirmed({ count: 1 }, { locale: 'en' })).toBe('Done: 1 nomination sent to the partners.');
    expect(m.allocation_confirmed({ count: 21 }, { locale: 'en' })).toBe('Done: 21 nominations sent to the partners.');
    expect(m.application_preferences_hint({ count: 21 }, { locale: 'ru' })).toMatch(/^Выберите до 21 направления,/);
    expect(m.application_preferences_hint({ count: 5 }, { locale: 'ru' })).toMatch(/^Выберите до 5 направлений,/);
    expect(m.seats_left({ remaining: 0, seats: 1 }, { locale: 'en' })).toBe('0 of 1 seat left');
    expect(m.mail_nominee_digest_intro({ count: 1 }, { locale: 'en' })).toMatch(/^Partner universities have nominated 1 new student to you\./);
    expect(m.mail_nominee_digest_intro({ count: 21 }, { locale: 'en' })).toMatch(/^Partner universities have nominated 21 new students to you\./);
  }, 120_000);

  it('compile into message functions for every locale', async () => {
    const { m } = await compiled();
    expect(Object.keys(m).length).toBe(keysOf(catalogs.en!).length);
    for (const locale of locales) {
      expect(m.product_name({}, { locale })).toBe(catalogs[locale]!.product_name);
    }
  }, 30_000); // importing every generated message module is slow on a busy machine
});
