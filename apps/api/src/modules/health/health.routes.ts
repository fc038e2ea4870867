import { liveness, readiness } from '@exchange/shared';
import { problemResponse, type Api } from '../../lib/route.js';

export async function healthRoutes(app: Api) {
  app.get('/health', {
    config: { access: 'public', rateLimit: false },
    schema: { tags: ['health'], summary: 'Liveness: the process answers', response: { 200: liveness } },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/ready', {
    config: { access: 'public', rateLimit: false },
    schema: {
      tags: ['health'],
      summary: 'Readiness: the database answers',
      response: { 200: readiness, 503: problemResponse(503) },
    },
    handler: async (request, reply) => {
      try {
        await app.database.rows('select 1');
        return { status: 'ready' as const };
      } catch (error) {
        request.log.warn({ err: error }, 'database not ready');
        return reply.code(503).type('application/problem+json').serializer(JSON.stringify).send({
          type: 'urn:exchange:problem:not_ready',
          title: 'Service Unavailable',
          status: 503,
          detail: 'The database does not answer.',
          code: 'not_ready',
        });
      }
    },
  });
}
