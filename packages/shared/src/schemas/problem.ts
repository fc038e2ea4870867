/**
 * The body of every error (RFC 9457 problem details), with the members this API adds: field
 * errors of a validation problem and, for a refused submission, what the application lacks.
 */
import { z } from 'zod';
import { documentTypes, languages, languageScales } from '../enums.js';
import { identityFields } from '../identity.js';

export const fieldError = z.object({ path: z.string(), code: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldError>;

/** One thing a submission lacks (`missingForSubmission` of submission.ts); the web names each in the user's language. */
export const missingItem = z.discriminatedUnion('item', [
  z.object({ item: z.enum(['preferences', 'motivation', 'gpa', ...identityFields]) }),
  z.object({ item: z.literal('document'), documentType: z.enum(documentTypes) }),
  /** A certificate in `language`; `scale` and `level` say what the call or a chosen line asks for. */
  z.object({
    item: z.literal('languageCertificate'),
    language: z.enum(languages),
    scale: z.enum(languageScales).optional(),
    level: z.string().optional(),
  }),
]);
export type MissingItem = z.infer<typeof missingItem>;

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(fieldError).optional(),
  /** `application_incomplete`: what the application still lacks. */
  missing: z.array(missingItem).optional(),
});
export type Problem = z.infer<typeof problem>;
