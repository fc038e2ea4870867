import { z } from 'zod';
import { letterVerification } from '@exchange/shared';
import { who } from '../../lib/audit.js';
import { fileResponse, problems, type Api } from '../../lib/route.js';
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

  app.get('/mobilities/:id/letters/:letterId.pdf', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['letters'],
      summary: 'A letter of the mobility as a PDF in the host’s language and English (the student, both offices, admin); a revoked one is marked so',
      security: [{ bearer: [] }],
      params: z.strictObject({ id: z.uuid(), letterId: z.uuid() }),
      response: { 200: fileResponse('The letter as a PDF, as an attachment', ['application/pdf']), ...problems() },
    },
    handler: async (request, reply) => {
      const letter = await letters.pdf(who(request), request.params.id, request.params.letterId);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${letter.fileName}"`)
        .send(letter.content as never);
    },
  });
}
