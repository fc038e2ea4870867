/** The public check of a letter's verification code (the PDF comes through the mobilities client). */
import { letterVerification, type LetterVerification } from '@exchange/shared';
import { segment as id, type Transport } from './transport.js';

export function createLettersApi({ request }: Transport) {
  return {
    verify: (code: string): Promise<LetterVerification> => request('GET', `/verify/${id(code)}`, { schema: letterVerification }),
  };
}
