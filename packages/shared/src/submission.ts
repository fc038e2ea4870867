/**
 * What an application still lacks before it can be submitted: one rule for the API (which
 * refuses the submission with this list) and the web (which shows it while the student edits).
 */
import { languageLevels, type DocumentType, type LanguageScale } from './enums.js';
import { identityFields, requiredIdentityOf, type ExtraIdentityField, type Identity } from './identity-fields.js';
import type { LanguageRequirement } from './schemas/agreements.js';
import type { MissingItem } from './schemas/problem.js';

export const missingItems = ['preferences', 'motivation', 'gpa', 'document', 'languageCertificate', ...identityFields] as const;

/** What the rule reads of a language certificate. */
export type CertificateLevel = { language: string; level: string };

export type SubmissionState = {
  application: Identity & { motivation: string; gpa: number | null; languageCertificates: readonly CertificateLevel[] };
  call: {
    requiredDocuments: readonly DocumentType[];
    requiredIdentity?: readonly ExtraIdentityField[] | null;
    languageRequirement: LanguageRequirement | null;
  };
  /** The quota lines the student chose (their language requirements count too). */
  chosenLines: readonly { languageRequirement: LanguageRequirement | null }[];
  /** Types of the current documents. */
  documents: readonly DocumentType[];
};

const filled = (value: string | number | null | undefined) => value !== null && value !== undefined && String(value).trim() !== '';

/** A certificate's level on the required scale when it names one of that scale's levels, else -1. */
function levelIndex(scale: LanguageScale, level: string): number {
  const normalised = level
    .trim()
    .toUpperCase()
    .replace(/^ТРКИ/, 'TORFL')
    .replace(/^HSK\s*/, '');
  return (languageLevels[scale] as readonly string[]).indexOf(normalised);
}

/**
 * Whether a certificate answers a requirement: same language and, when its level is on the
 * required scale, at least the required level. A level on another scale (IELTS 6.5 for CEFR B2)
 * counts: comparing scales is the reviewing office's judgement, not a rule of the form.
 */
export function certificateMeets(certificate: CertificateLevel, requirement: LanguageRequirement): boolean {
  if (certificate.language !== requirement.language) return false;
  const have = levelIndex(requirement.scale, certificate.level);
  return have < 0 || have >= levelIndex(requirement.scale, requirement.level);
}

export function missingForSubmission(state: SubmissionState): MissingItem[] {
  const { application, call } = state;
  const missing: MissingItem[] = [];
  if (state.chosenLines.length === 0) missing.push({ item: 'preferences' });
  if (!application.motivation.trim()) missing.push({ item: 'motivation' });
  if (application.gpa === null) missing.push({ item: 'gpa' });
  for (const field of requiredIdentityOf(call)) if (!filled(application[field])) missing.push({ item: field });
  // Every requirement the student may be placed under: the call's and each chosen line's.
  // The unmet ones of one language and scale are named once, by the highest level asked.
  const unmet = new Map<string, LanguageRequirement>();
  for (const requirement of [call.languageRequirement, ...state.chosenLines.map((line) => line.languageRequirement)]) {
    if (!requirement || application.languageCertificates.some((certificate) => certificateMeets(certificate, requirement))) continue;
    const key = `${requirement.language}:${requirement.scale}`;
    const known = unmet.get(key);
    if (!known || levelIndex(requirement.scale, requirement.level) > levelIndex(known.scale, known.level)) unmet.set(key, requirement);
  }
  for (const requirement of unmet.values()) {
    missing.push({ item: 'languageCertificate', language: requirement.language, scale: requirement.scale, level: requirement.level });
  }
  for (const type of call.requiredDocuments) if (!state.documents.includes(type)) missing.push({ item: 'document', documentType: type });
  return missing;
}
