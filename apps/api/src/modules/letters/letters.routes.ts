import { z } from 'zod';
import { letterVerification } from '@exchange/shared';
import { problems, type Api } from '../../lib/route.js';
import type { LettersService } from './letters.service.js';

export async function lettersRoutes(app: Api, { letters }: { letters: LettersService }) {
  app.get('/verify/:code', {
    config: { access: 'public' },
    schema: {
      tags: ['letters'],
      summary: 'Whether a letter with this verification code is genuine; only the letter’s essentials',
      params: z.strictObject({ code: z.string().min(1).max(40) }),
      response: { 200: letterVerification, ...problems() },
    },
    handler: (request) => letters.verify(request.params.code),
  });
}
