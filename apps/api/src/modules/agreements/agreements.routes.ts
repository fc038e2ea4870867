import { agreement, agreementCreate, agreementUpdate, idParams, listQuery, page } from '@exchange/shared';
import { who } from '../../lib/audit.js';
import { problems, type Api } from '../../lib/route.js';
import type { AgreementsService } from './agreements.service.js';

export async function agreementsRoutes(app: Api, { agreements }: { agreements: AgreementsService }) {
  app.get('/agreements', {
    config: { access: 'signed-in' },
    schema: { tags: ['agreements'], security: [{ bearer: [] }], querystring: listQuery, response: { 200: page(agreement), ...problems() } },
    handler: (request) => agreements.list(request.query.limit, request.query.offset),
  });

  app.get('/agreements/:id', {
    config: { access: 'signed-in' },
    schema: { tags: ['agreements'], security: [{ bearer: [] }], params: idParams, response: { 200: agreement, ...problems() } },
    handler: (request) => agreements.get(request.params.id),
  });

  app.post('/agreements', {
    config: { access: ['admin'] },
    schema: {
      tags: ['agreements'],
      security: [{ bearer: [] }],
      body: agreementCreate,
      response: { 201: agreement, ...problems(409, 422) },
    },
    handler: async (request, reply) => reply.code(201).send(await agreements.create(who(request), request.body)),
  });

  app.patch('/agreements/:id', {
    config: { access: ['admin'] },
    schema: {
      tags: ['agreements'],
      security: [{ bearer: [] }],
      params: idParams,
      body: agreementUpdate,
      response: { 200: agreement, ...problems(409, 422) },
    },
    handler: (request) => agreements.update(who(request), request.params.id, request.body),
  });
}
