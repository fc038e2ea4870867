import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { locales } from '@exchange/shared';
import { describe, expect, it } from 'vitest';

const catalogDir = fileURLToPath(new URL('../../messages/', import.meta.url));
const load = (locale: string): Record<string, unknown> =>
  JSON.parse(readFileSync(`${catalogDir}${locale}.json`, 'utf8')) as Record<string, unknown>;
const catalogs = Object.fromEntries(locales.map((locale) => [locale, load(locale)]));
const keysOf = (catalog: Record<string, unknown>) => Object.keys(catalog).filter((key) => key !== '$schema');
const allKeys = [...new Set(Object.values(catalogs).flatMap(keysOf))].sort();
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogs', () => {
  it('have messages at all', () => {
    expect(allKeys.length).toBeGreaterThan(100);
  });

  for (const locale of locales) {
    it(`${locale} has every key, none empty`, () => {
      const catalog = catalogs[locale]!;
      const missing = allKeys.filter((key) => !(key in catalog));
      const empty = allKeys.filter((key) => key in catalog && (typeof catalog[key] !== 'string' || !(catalog[key] as string).trim()));
      expect(missing, `missing in ${locale}.json`).toEqual([]);
      expect(empty, `empty in ${locale}.json`).toEqual([]);
    });

    it(`${locale} uses the same placeholders as English`, () => {
      const english = catalogs.en!;
      const catalog = catalogs[locale]!;
      const different = keysOf(english).filter(
        (key) => typeof catalog[key] === 'string' && placeholders(catalog[key] as string).join() !== placeholders(english[key] as string).join(),
      );
      expect(different).toEqual([]);
    });
  }

  it('compile into message functions for every locale', async () => {
    const { m } = await import('$lib/paraglide/messages.js');
    expect(Object.keys(m).length).toBe(keysOf(catalogs.en!).length);
    for (const locale of locales) {
      expect(m.product_name({}, { locale })).toBe(catalogs[locale]!.product_name);
    }
  }, 30_000); // importing every generated message module is slow on a busy machine
});
