/** What the printed learning agreement says, in one language (packages/texts/messages/<locale>/export.json, keys `la_*`). */
import type { Locale } from '@exchange/shared';
import * as texts from '@exchange/texts/export';

type Plain = (inputs: Record<string, never>, options: { locale: Locale }) => string;
const say = (message: unknown, locale: Locale) => (message as Plain)({}, { locale });

export function learningAgreementTexts(locale: Locale) {
  return {
    title: say(texts.la_title, locale),
    version: (number: number, date: string) => texts.la_version({ number, date }, { locale }),
    intro: (receiving: string, sending: string) => texts.la_intro({ receiving, sending }, { locale }),
    student: say(texts.la_student, locale),
    sending: say(texts.la_sending, locale),
    receiving: say(texts.la_receiving, locale),
    academicYear: say(texts.la_academic_year, locale),
    dates: say(texts.la_dates, locale),
    language: say(texts.la_language, locale),
    studied: say(texts.la_studied, locale),
    recognised: say(texts.la_recognised, locale),
    code: say(texts.la_code, locale),
    component: say(texts.la_component, locale),
    term: say(texts.la_term, locale),
    credits: say(texts.la_credits, locale),
    total: say(texts.la_total, locale),
    catalogue: (url: string) => texts.la_catalogue({ url }, { locale }),
    signatures: say(texts.la_signatures, locale),
    signedStudent: say(texts.la_signed_student, locale),
    signedSending: say(texts.la_signed_sending, locale),
    signedReceiving: say(texts.la_signed_receiving, locale),
  };
}
