import { z } from 'zod';
import { calendarFeed, idParams, locales } from '@exchange/shared';
import { who } from '../../lib/audit.js';
import { calendarResponse, problems, type Api } from '../../lib/route.js';
import type { CalendarService } from './calendar.service.js';

const calendarQuery = z.strictObject({ lang: z.enum(locales).default('en') });
const feedParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
const calendarType = 'text/calendar; charset=utf-8';

export async function calendarRoutes(app: Api, { calendar }: { calendar: CalendarService }) {
  app.get('/centres/:id/events.ics', {
    config: { access: 'public' },
    schema: {
      tags: ['events'],
      summary: 'iCalendar feed of the centre’s published (and cancelled) events',
      params: idParams,
      querystring: calendarQuery,
      response: { 200: calendarResponse('The centre’s events as an iCalendar feed'), ...problems() },
    },
    handler: async (request, reply) => {
      const body = await calendar.centreCalendar(request.params.id, request.query.lang);
      return reply
        .type(calendarType)
        .header('cache-control', 'public, max-age=300')
        .send(body as never);
    },
  });

  app.get('/events/:id/calendar.ics', {
    config: { access: 'public' },
    schema: {
      tags: ['events'],
      summary: 'The event as an iCalendar file, to add to a calendar',
      params: idParams,
      querystring: calendarQuery,
      response: { 200: calendarResponse('The event as an iCalendar file, as an attachment'), ...problems() },
    },
    handler: async (request, reply) => {
      const body = await calendar.eventCalendar(request.actor, request.params.id, request.query.lang);
      return reply
        .type(calendarType)
        .header('content-disposition', 'attachment; filename="event.ics"')
        .send(body as never);
    },
  });

  app.post('/me/calendar-feed', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['events'],
      summary: 'The caller’s personal calendar feed (an unguessable address); rotate=true replaces it',
      security: [{ bearer: [] }],
      body: z.strictObject({ rotate: z.boolean().default(false) }).optional(),
      response: { 200: calendarFeed, ...problems() },
    },
    handler: (request) => calendar.calendarFeed(who(request), request.body?.rotate ?? false),
  });

  app.get('/calendar-feeds/:token/events.ics', {
    config: { access: 'public' },
    schema: {
      tags: ['events'],
      summary: 'A person’s registrations as an iCalendar feed',
      params: feedParams,
      querystring: calendarQuery,
      response: { 200: calendarResponse('The person’s registrations as an iCalendar feed'), ...problems() },
    },
    handler: async (request, reply) => {
      const body = await calendar.personalCalendar(request.params.token, request.query.lang);
      return reply.type(calendarType).send(body as never);
    },
  });
}
