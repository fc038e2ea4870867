import { idParams, institution, institutionUpdate, page } from '@exchange/shared';
import { who } from '../../lib/audit.js';
import { problems, type Api } from '../../lib/route.js';
import type { InstitutionsService } from './institutions.service.js';

export async function institutionsRoutes(app: Api, { institutions }: { institutions: InstitutionsService }) {
  app.get('/institutions', {
    config: { access: 'public' },
    schema: { tags: ['institutions'], summary: 'The parties of the agreement', response: { 200: page(institution), ...problems() } },
    handler: () => institutions.list(),
  });

  app.get('/institutions/:id', {
    config: { access: 'public' },
    schema: { tags: ['institutions'], params: idParams, response: { 200: institution, ...problems() } },
    handler: (request) => institutions.get(request.params.id),
  });

  app.patch('/institutions/:id', {
    config: { access: ['admin'] },
    schema: {
      tags: ['institutions'],
      summary: 'The administrator sets the institution’s Erasmus Without Paper id (`heiId`, its internet domain)',
      security: [{ bearer: [] }],
      params: idParams,
      body: institutionUpdate,
      response: { 200: institution, ...problems(409) },
    },
    handler: (request) => institutions.update(who(request), request.params.id, request.body),
  });
}
