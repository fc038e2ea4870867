/** The page and export language from an `Accept-Language` header, parsed by `negotiator`. */
import Negotiator from 'negotiator';
import { defaultLocale, type Locale } from './enums.js';
import { isLocale } from './i18n.js';

/**
 * The best supported locale, honouring q-values and then the header's order; `zh-CN`,
 * `zh-Hans` and the like count as `zh`. The header's tags are matched by their primary
 * subtag, so a regional tag listed first wins over a bare one listed later at the same weight.
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return defaultLocale;
  const preferred = new Negotiator({ headers: { 'accept-language': header } }).languages();
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return defaultLocale;
}
