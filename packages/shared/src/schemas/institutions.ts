/** The parties of the agreement. */
import { z } from 'zod';
import { id } from './common.js';

export const institution = z.object({
  id,
  code: z.string(),
  name: z.object({ ru: z.string(), zh: z.string(), en: z.string() }),
  city: z.string(),
  country: z.string(),
  timeZone: z.string(),
  /** The institution's Erasmus Without Paper id: its internet domain. */
  heiId: z.string().nullable(),
});

export const institutionUpdate = z.strictObject({
  heiId: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, { message: 'An internet domain, such as pnzgu.ru' })
    .max(253)
    .nullable(),
});
export type Institution = z.infer<typeof institution>;
