/** The Erasmus Without Paper documents: which bilateral pair an IIA is asked for, and the XML a partner's node sent. */
import { z } from 'zod';

/**
 * `partners=A,B`: the ids of two distinct parties of the agreement. A is the partner whose copy
 * the IIA is (the first `partner` of the document), B the other.
 */
export const ewpIiaQuery = z.strictObject({
  partners: z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(z.tuple([z.uuid(), z.uuid()], { message: 'Give two institution ids separated by a comma' }))
    .refine(([a, b]) => a !== b, { message: 'Give two different institutions' }),
});
export type EwpIiaQuery = z.input<typeof ewpIiaQuery>;

/** An EWP document as XML text (sent as `application/xml` or `text/xml`). */
export const ewpXmlBody = z.string().meta({ description: 'An EWP XML document' });
