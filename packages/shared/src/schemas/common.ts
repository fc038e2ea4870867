/** The contract's primitives: ids, instants, typed-in text, and the shape of every list. */
import { z } from 'zod';
import { isAcademicYear } from '../academic-year.js';
import { passwordMaxLength, passwordMinLength, passwordProblem } from '../passwords.js';

export const id = z.uuid();
export const idParams = z.strictObject({ id: z.uuid() });
export const instant = z.iso.datetime({ offset: true });
export const calendarDate = z.iso.date();

/** Free text a person types: trimmed, without control characters that break rendering. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), {
      message: 'Contains control characters',
    });

export const localizedText = (max: number) =>
  z.strictObject({ ru: text(max), zh: text(max), en: text(max) }).refine((value) => Boolean(value.ru || value.zh || value.en), {
    message: 'Give the text in at least one language',
  });

export const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Not a valid e-mail address' }))
  .transform((value) => value.toLowerCase());

export const password = z
  .string()
  .min(passwordMinLength, { message: `At least ${passwordMinLength} characters` })
  .max(passwordMaxLength, { message: `At most ${passwordMaxLength} characters` })
  .refine((value) => passwordProblem(value) !== 'too_common', {
    message: 'This password is among the most common ones; choose another',
  });

export const academicYear = z.string().refine(isAcademicYear, { message: 'An academic year looks like 2025/2026' });

// ——— lists ———

export const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
export type Page<T> = { items: T[]; total: number; limit: number; offset: number };
