/**
 * Labels of the contract's plain enumerations (statuses, roles, mobility types, languages,
 * levels) in the page language. The value-to-text mapping is `@exchange/shared`'s labels, which
 * the exports share; this module adds what only pages need.
 */
import {
  certificateLine,
  eqfLevelLabel,
  languageLabel,
  languageLevelLabel,
  type LanguageCertificate,
  type LanguageRequirement,
  type LanguageScale,
} from '@exchange/shared';
import { m } from '@exchange/texts/messages';
import { getLocale } from '@exchange/texts/runtime';

export { agreementStatusLabel, languageLabel, localeNames, mobilityTypeLabel, planStatusLabel, roleLabel, userStatusLabel } from '@exchange/shared';

/** A level of study in the page language ("Master (EQF 7)"); fits `levels.map(eqfLabel)`. */
export const eqfLabel = (level: number) => eqfLevelLabel(level);

export function languageRequirementLabel(requirement: LanguageRequirement | null): string {
  if (!requirement) return m.quota_no_language_requirement();
  const language = languageLabel[requirement.language]?.() ?? requirement.language;
  return m.quota_language_requirement({ language, level: languageLevelLabel(requirement.scale, requirement.level, getLocale()) });
}

/** A level as calls, quota lines and their forms all name it ("ТРКИ-1", "TORFL-1", "HSK 4"). */
export const levelLabel = (scale: LanguageScale, level: string) => languageLevelLabel(scale, level, getLocale());

/** "Russian: TORFL-1, 15 May 2025": a certificate with its level named as calls do and its date localised. */
export function certificateText(certificate: LanguageCertificate): string {
  return certificateLine(languageLabel[certificate.language]?.() ?? certificate.language, certificate, getLocale());
}
