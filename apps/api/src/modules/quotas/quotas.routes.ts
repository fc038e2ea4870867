import { idParams, quota, quotaCreate, quotaList, quotaListQuery, quotaUpdate } from '@exchange/shared';
import { who } from '../../lib/audit.js';
import { problems, type Api } from '../../lib/route.js';
import type { QuotasService } from './quotas.service.js';

export async function quotasRoutes(app: Api, { quotas }: { quotas: QuotasService }) {
  app.get('/agreements/:id/quotas', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['quotas'],
      summary: 'Quota lines of an agreement with seats, used and remaining',
      security: [{ bearer: [] }],
      params: idParams,
      querystring: quotaListQuery,
      response: { 200: quotaList, ...problems() },
    },
    handler: (request) => quotas.listForAgreement(request.params.id, request.query.academicYear),
  });

  app.get('/quotas/:id', {
    config: { access: 'signed-in' },
    schema: { tags: ['quotas'], security: [{ bearer: [] }], params: idParams, response: { 200: quota, ...problems() } },
    handler: (request) => quotas.get(request.params.id),
  });

  app.post('/quotas', {
    config: { access: ['admin'] },
    schema: { tags: ['quotas'], security: [{ bearer: [] }], body: quotaCreate, response: { 201: quota, ...problems(409, 422) } },
    handler: async (request, reply) => reply.code(201).send(await quotas.create(who(request), request.body)),
  });

  app.patch('/quotas/:id', {
    config: { access: ['admin'] },
    schema: {
      tags: ['quotas'],
      summary: 'Change a quota line; seats never below used (409)',
      security: [{ bearer: [] }],
      params: idParams,
      body: quotaUpdate,
      response: { 200: quota, ...problems(409, 422) },
    },
    handler: (request) => quotas.update(who(request), request.params.id, request.body),
  });
}
