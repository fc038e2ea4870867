import { call, callCreate, callListQuery, callUpdate, idParams, page } from '@exchange/shared';
import { who } from '../../lib/audit.js';
import { problems, type Api } from '../../lib/route.js';
import type { CallsService } from './calls.service.js';

export async function callsRoutes(app: Api, { calls }: { calls: CallsService }) {
  app.get('/calls', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['calls'],
      summary: 'Calls: a student sees the published calls of their institution; staff their institution’s',
      security: [{ bearer: [] }],
      querystring: callListQuery,
      response: { 200: page(call), ...problems() },
    },
    handler: (request) => {
      const { limit, offset, ...query } = request.query;
      return calls.list(request.actor!, query, limit, offset);
    },
  });

  app.get('/calls/:id', {
    config: { access: 'signed-in' },
    schema: { tags: ['calls'], security: [{ bearer: [] }], params: idParams, response: { 200: call, ...problems() } },
    handler: (request) => calls.view(request.actor!, request.params.id),
  });

  app.post('/calls', {
    config: { access: ['coordinator', 'admin'] },
    schema: {
      tags: ['calls'],
      summary: 'Create a call: a coordinator’s of its own institution; an administrator names `institutionId`',
      security: [{ bearer: [] }],
      body: callCreate,
      response: { 201: call, ...problems(409, 422) },
    },
    handler: async (request, reply) => reply.code(201).send(await calls.create(who(request), request.body)),
  });

  app.patch('/calls/:id', {
    config: { access: ['coordinator', 'admin'] },
    schema: {
      tags: ['calls'],
      summary: 'Edit or publish a call ({status: "published"})',
      security: [{ bearer: [] }],
      params: idParams,
      body: callUpdate,
      response: { 200: call, ...problems(409, 422) },
    },
    handler: (request) => calls.update(who(request), request.params.id, request.body),
  });
}
