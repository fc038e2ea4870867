/**
 * What the admission letter says, in one language (packages/texts/messages/<locale>/export.json,
 * keys `letter_*`): the letter is printed in the host's language and in English.
 */
import { mobilityTypeLabel, type Locale, type MobilityType } from '@exchange/shared';
import * as texts from '@exchange/texts/export';

export const letterFields = [
  'student',
  'studentLatin',
  'birthDate',
  'citizenship',
  'passport',
  'sending',
  'receiving',
  'programme',
  'mobilityType',
  'academicYear',
  'dates',
] as const;
export type LetterField = (typeof letterFields)[number];

const fieldKey = (field: LetterField) => `letter_${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}` as keyof typeof texts;
type Plain = (inputs: Record<string, never>, options: { locale: Locale }) => string;
const say = (message: unknown, locale: Locale) => (message as Plain)({}, { locale });

export function letterTexts(locale: Locale) {
  return {
    /** The Chinese hosts admit (录取通知书); the Russian host invites (Приглашение), as each country's visa asks. */
    title: (host: 'ru' | 'zh') => say(host === 'ru' ? texts.letter_title_invitation : texts.letter_title_admission, locale),
    intro: (receiving: string, sending: string) => texts.letter_intro({ receiving, sending }, { locale }),
    field: (field: LetterField) => say(texts[fieldKey(field)], locale),
    signedBy: say(texts.letter_signed_by, locale),
    issuedOn: say(texts.letter_issued_on, locale),
    code: say(texts.letter_code, locale),
    verifyAt: (url: string) => texts.letter_verify_at({ url }, { locale }),
    revoked: say(texts.letter_revoked, locale),
    mobilityType: (type: string) => {
      const label = mobilityTypeLabel[type as MobilityType];
      return label ? label({}, { locale }) : type;
    },
    /** A country by its ISO 3166 code, named in this language. */
    country: (code: string | null) => (code ? (new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code) : ''),
  };
}
export type LetterTexts = ReturnType<typeof letterTexts>;
