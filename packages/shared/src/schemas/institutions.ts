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
});
export type Institution = z.infer<typeof institution>;
