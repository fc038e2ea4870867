/**
 * Identity for the border: which fields there are and which a call requires. Plain constants
 * (no schema library), so the web's forms import them without the validation code.
 */
export const identityFields = [
  'fullNameLatin',
  'passportNumber',
  'passportExpiresOn',
  'birthDate',
  'citizenship',
  'sex',
  'studyLevel',
  'fieldOfStudy',
] as const;
export type IdentityField = (typeof identityFields)[number];

/** Asked of every applicant: without them the partner receives "—" for a nominee. */
export const baseIdentityFields = ['fullNameLatin', 'passportNumber', 'studyLevel', 'fieldOfStudy'] as const satisfies readonly IdentityField[];
/** A call may ask for these too (a visa invitation needs them; some partners want them up front). */
export const extraIdentityFields = ['birthDate', 'citizenship', 'sex', 'passportExpiresOn'] as const satisfies readonly IdentityField[];
export type ExtraIdentityField = (typeof extraIdentityFields)[number];

/** ISO 5218: 0 not known, 1 male, 2 female, 9 not applicable. */
export const sexCodes = [0, 1, 2, 9] as const;
export const studyLevels = [6, 7, 8] as const;

/** Latin script (with its accented letters, as some passports print them), spaces, hyphens, apostrophes, dots. */
export const latinNamePattern = /^\p{Script=Latin}[\p{Script=Latin} .'-]*$/u;

export type Identity = { [K in IdentityField]: K extends 'sex' | 'studyLevel' ? number | null : string | null };

/** What a call requires of an applicant's identity: the base fields, then the call's extras. */
export function requiredIdentityOf(call: { requiredIdentity?: readonly ExtraIdentityField[] | null }): IdentityField[] {
  const extras = call.requiredIdentity ?? [];
  return identityFields.filter((field) => (baseIdentityFields as readonly string[]).includes(field) || (extras as readonly string[]).includes(field));
}
