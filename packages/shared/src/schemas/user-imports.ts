/** Bulk import of students from a CSV or XLSX file: the preview with an error per row, and the import's progress. */
import { z } from 'zod';
import { userImportStatuses } from '../enums.js';
import { id, instant } from './common.js';
import { userImportFields, type UserImportField } from './user-import-fields.js';

export * from './user-import-fields.js';

/** Which column (0-based, as in `columns`) fills which field; a field left out stays empty. */
export const userImportMapping = z.strictObject(
  Object.fromEntries(userImportFields.map((field) => [field, z.number().int().min(0).max(200).nullable().optional()])) as Record<
    UserImportField,
    z.ZodOptional<z.ZodNullable<z.ZodNumber>>
  >,
);
export type UserImportMapping = z.infer<typeof userImportMapping>;

/**
 * The form fields sent with the file (multipart): `dryRun` previews and writes nothing;
 * `mapping` is the JSON of a `userImportMapping` (left out: guessed from the header row);
 * `institutionId` names the institution for an administrator.
 */
export const userImportOptions = z.strictObject({
  dryRun: z.enum(['true', 'false']).default('true'),
  mapping: z.string().max(2000).optional(),
  institutionId: id.optional(),
});

/** Why one row is not imported. Codes: `required`, `invalid_email`, `duplicate_in_file`, `email_taken`, `unknown_study_level`, `unknown_language`, `unknown_institution`, `too_long`, `not_latin`. */
export const userImportRowError = z.object({
  /** The row's number as a spreadsheet shows it: the header is row 1. */
  row: z.number().int(),
  field: z.enum(userImportFields),
  code: z.string(),
  message: z.string(),
  /** The cell as written. */
  value: z.string(),
});
export type UserImportRowError = z.infer<typeof userImportRowError>;

/** What importing the file would do: nothing is written. */
export const userImportPreview = z.object({
  fileName: z.string(),
  /** The header row: the names of the file's columns. */
  columns: z.array(z.string()),
  mapping: userImportMapping,
  /** Data rows in the file. */
  total: z.number().int(),
  /** Rows that would create an account. */
  toCreate: z.number().int(),
  /** Rows whose student already exists at the institution (an earlier import of the same file): nothing changes. */
  unchanged: z.number().int(),
  /** Rows refused, each with its reason; at most the first 1,000 are listed. */
  errors: z.array(userImportRowError),
  errorRows: z.number().int(),
});
export type UserImportPreview = z.infer<typeof userImportPreview>;

/** An import under way or finished, readable by any API instance while it runs. */
export const userImport = z.object({
  id,
  institutionId: id,
  fileName: z.string(),
  status: z.enum(userImportStatuses),
  /** The rows to write (the file's rows less those refused). */
  total: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(userImportRowError),
  createdAt: instant,
  finishedAt: instant.nullable(),
});
export type UserImport = z.infer<typeof userImport>;
