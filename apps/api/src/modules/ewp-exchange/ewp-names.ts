/**
 * A student's name split into given names and family name, as the EWP documents want it, from
 * the two names the system keeps: `fullNameLatin` (the application's, as in the passport) and
 * the account's `fullName` in the student's own script.
 *
 * - The native name is Russian or Chinese by the student's home country (RU → `ru`, CN → `zh`);
 *   a name written in another script (a Latin one) is no native name.
 * - Chinese: family name first (张伟: 张 + 伟), unspaced; the two-character surnames below are
 *   kept whole. Russian, as the accounts write it: given name [patronymic] family name
 *   (Анна Петрова); in the official order, recognised by the patronymic at the end
 *   (Волкова Ирина Сергеевна), the family name comes first.
 * - Latin: split on the first space, the first word being the family name, as passports print it
 *   ("Ivanova Anna", "Zhang Wei"). A Russian Latin name is often typed given name first, as the
 *   application form's own example has it ("Anna Petrova"): when the native family name's
 *   initial matches the last word and not the first, the last word is the family name.
 * - A name of one word is a family name without given names.
 */
import type { PersonName } from '../ewp/index.js';

const nativeLanguages: Record<string, 'ru' | 'zh'> = { RU: 'ru', CN: 'zh' };
const scripts = { ru: /\p{Script=Cyrillic}/u, zh: /\p{Script=Han}/u };

const compoundSurnames = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '端木',
  '呼延',
]);
const patronymic = /(вич|вна|ична|инична|оглы|кызы)$/iu;

/** The Latin letters a Cyrillic initial is transliterated to (ICAO 9303 and the older systems). */
const latinInitials: Record<string, string> = {
  А: 'A',
  Б: 'B',
  В: 'V',
  Г: 'G',
  Д: 'D',
  Е: 'EY',
  Ё: 'EY',
  Ж: 'Z',
  З: 'Z',
  И: 'I',
  Й: 'IY',
  К: 'K',
  Л: 'L',
  М: 'M',
  Н: 'N',
  О: 'O',
  П: 'P',
  Р: 'R',
  С: 'S',
  Т: 'T',
  У: 'U',
  Ф: 'F',
  Х: 'KH',
  Ц: 'TC',
  Ч: 'C',
  Ш: 'S',
  Щ: 'S',
  Э: 'E',
  Ю: 'IY',
  Я: 'IY',
};

const words = (name: string) => name.trim().split(/\s+/u).filter(Boolean);

function split(parts: string[], familyFirst: boolean): PersonName {
  if (parts.length === 1) return { familyName: parts[0]!, givenNames: '' };
  return familyFirst
    ? { familyName: parts[0]!, givenNames: parts.slice(1).join(' ') }
    : { familyName: parts.at(-1)!, givenNames: parts.slice(0, -1).join(' ') };
}

/** The name in the student's own script, or null when there is none (another script, another country). */
export function nativeName(fullName: string, homeCountry: string): (PersonName & { lang: string }) | null {
  const lang = nativeLanguages[homeCountry];
  const parts = words(fullName);
  if (!lang || parts.length === 0 || !scripts[lang].test(fullName)) return null;
  if (lang === 'zh' && parts.length === 1) {
    const whole = parts[0]!;
    if (whole.length === 1) return { familyName: whole, givenNames: '', lang };
    const surname = compoundSurnames.has(whole.slice(0, 2)) && whole.length > 2 ? whole.slice(0, 2) : whole.slice(0, 1);
    return { familyName: surname, givenNames: whole.slice(surname.length), lang };
  }
  const familyFirst = lang === 'zh' || (parts.length >= 3 && patronymic.test(parts.at(-1)!));
  return { ...split(parts, familyFirst), lang };
}

const initialMatches = (latin: string, cyrillic: string) => (latinInitials[cyrillic.charAt(0).toUpperCase()] ?? '').includes(latin.charAt(0).toUpperCase());

/** The passport's Latin name, split as described above; `native` settles a Russian name's order. */
export function latinName(fullNameLatin: string, native: (PersonName & { lang: string }) | null): PersonName {
  const parts = words(fullNameLatin);
  if (native?.lang === 'ru' && parts.length > 1) {
    const first = initialMatches(parts[0]!, native.familyName);
    const last = initialMatches(parts.at(-1)!, native.familyName);
    if (last && !first) return split(parts, false);
  }
  return split(parts, true);
}
