/** The bulk import's limits and fields: plain constants, so the web's form imports them without the validation code. */
/** At most this many rows in one file: a larger file is refused whole, with a message saying so. */
export const userImportMaxRows = 10_000;
/** The largest file accepted (10,000 rows of a few columns fit several times over). */
export const userImportMaxBytes = 5 * 1024 * 1024;

/**
 * The fields a column of the file can fill. `institution` (its code, e.g. PSU) is for
 * administrators importing into several institutions; a coordinator's rows all go to its own.
 */
export const userImportFields = ['email', 'fullName', 'fullNameLatin', 'locale', 'studyLevel', 'institution'] as const;
export type UserImportField = (typeof userImportFields)[number];
export const userImportRequiredFields = ['email', 'fullName'] as const satisfies readonly UserImportField[];
