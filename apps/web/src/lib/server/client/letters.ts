/** Letters of a mobility: the public check of a verification code, and a letter's PDF passed on as it is. */
import { letterVerification, type LetterVerification } from '@exchange/shared';
import { segment as id, type Transport } from './transport.js';

export function createLettersApi({ request, file }: Transport) {
  return {
    verify: (code: string): Promise<LetterVerification> => request('GET', `/verify/${id(code)}`, { schema: letterVerification }),
    pdf: (mobilityId: string, letterId: string): Promise<Response> => file(`/mobilities/${id(mobilityId)}/letters/${id(letterId)}.pdf`),
  };
}
