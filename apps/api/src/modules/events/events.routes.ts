import { centre, centreCreate, event, eventCreate, eventListQuery, eventUpdate, idParams, page } from '@exchange/shared';
import { who } from '../../lib/audit.js';
import { problems, type Api } from '../../lib/route.js';
import type { EventsService } from './events.service.js';

const managers = ['coordinator', 'admin'] as const;

export async function eventsRoutes(app: Api, { events }: { events: EventsService }) {
  // ——— centres ———

  app.get('/centres', {
    config: { access: 'public' },
    schema: { tags: ['events'], summary: 'The cultural centres of the parties', response: { 200: page(centre), ...problems() } },
    handler: () => events.listCentres(),
  });

  app.get('/centres/:id', {
    config: { access: 'public' },
    schema: { tags: ['events'], params: idParams, response: { 200: centre, ...problems() } },
    handler: (request) => events.getCentre(request.params.id),
  });

  app.post('/centres', {
    config: { access: ['admin'] },
    schema: {
      tags: ['events'],
      summary: 'Open a cultural centre at an institution',
      security: [{ bearer: [] }],
      body: centreCreate,
      response: { 201: centre, ...problems(422) },
    },
    handler: async (request, reply) => reply.code(201).send(await events.createCentre(who(request), request.body)),
  });

  // ——— events ———

  app.get('/events', {
    config: { access: 'public' },
    schema: {
      tags: ['events'],
      summary: 'Events: upcoming published ones by default; a centre’s coordinators also see its drafts with status=any',
      querystring: eventListQuery,
      response: { 200: page(event), ...problems() },
    },
    handler: async (request, reply) => {
      const list = await events.list(request.actor, request.query);
      // The upcoming events come as JSON text PostgreSQL wrote as the schema describes it: sent as it is.
      return typeof list === 'string' ? reply.type('application/json; charset=utf-8').send(list as never) : list;
    },
  });

  app.get('/events/:id', {
    config: { access: 'public' },
    schema: { tags: ['events'], params: idParams, response: { 200: event, ...problems() } },
    handler: (request) => events.get(request.actor, request.params.id),
  });

  app.post('/events', {
    config: { access: managers },
    schema: {
      tags: ['events'],
      summary: 'Create an event (as a draft) at a centre one runs',
      security: [{ bearer: [] }],
      body: eventCreate,
      response: { 201: event, ...problems(422) },
    },
    handler: async (request, reply) => reply.code(201).send(await events.create(who(request), request.body)),
  });

  app.patch('/events/:id', {
    config: { access: managers },
    schema: {
      tags: ['events'],
      summary: 'Change an event; raising capacity confirms from the waiting list, lowering it below the confirmed count is refused (409)',
      security: [{ bearer: [] }],
      params: idParams,
      body: eventUpdate,
      response: { 200: event, ...problems(409, 422) },
    },
    handler: (request) => events.update(who(request), request.params.id, request.body),
  });

  app.post('/events/:id/publish', {
    config: { access: managers },
    schema: { tags: ['events'], security: [{ bearer: [] }], params: idParams, response: { 200: event, ...problems(409) } },
    handler: (request) => events.publish(who(request), request.params.id),
  });

  app.post('/events/:id/cancel', {
    config: { access: managers },
    schema: {
      tags: ['events'],
      summary: 'Cancel an event; everyone registered is notified',
      security: [{ bearer: [] }],
      params: idParams,
      response: { 200: event, ...problems(409) },
    },
    handler: (request) => events.cancel(who(request), request.params.id),
  });
}
