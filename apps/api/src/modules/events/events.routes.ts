import { z } from 'zod';
import {
  attendance,
  attendanceQuery,
  calendarFeed,
  centre,
  centreCreate,
  checkInByCode,
  event,
  eventCreate,
  eventListQuery,
  eventUpdate,
  idParams,
  locales,
  myRegistration,
  page,
  registrant,
  registration,
  registrationListQuery,
  registrationPage,
} from '@exchange/shared';
import { who } from '../../lib/audit.js';
import { sendSpreadsheet } from '../../lib/spreadsheet.js';
import { exportLocale, exportTexts } from '../../lib/spreadsheet-texts.js';
import { calendarResponse, problems, spreadsheetResponse, type Api } from '../../lib/route.js';
import type { EventsService } from './events.service.js';

const managers = ['coordinator', 'admin'] as const;
const registrationParams = z.strictObject({ id: z.uuid(), regId: z.uuid() });
const calendarQuery = z.strictObject({ lang: z.enum(locales).default('en') });
const feedParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
const calendarType = 'text/calendar; charset=utf-8';
const exportQuery = z.strictObject({ lang: z.enum(locales).optional() });

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
    schema: { tags: ['events'], summary: 'Open a cultural centre at an institution', security: [{ bearer: [] }], body: centreCreate, response: { 201: centre, ...problems(422) } },
    handler: async (request, reply) => reply.code(201).send(await events.createCentre(who(request), request.body)),
  });

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
      const body = await events.centreCalendar(request.params.id, request.query.lang);
      return reply.type(calendarType).header('cache-control', 'public, max-age=300').send(body as never);
    },
  });

  app.get('/centres/:id/attendance', {
    config: { access: managers },
    schema: {
      tags: ['events'],
      summary: 'Attendance per event of a centre over a period (a term)',
      security: [{ bearer: [] }],
      params: idParams,
      querystring: attendanceQuery,
      response: { 200: attendance, ...problems() },
    },
    handler: (request) => events.attendance(request.actor!, request.params.id, request.query.from, request.query.to),
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
    handler: (request) => events.list(request.actor, request.query),
  });

  app.get('/events/:id', {
    config: { access: 'public' },
    schema: { tags: ['events'], params: idParams, response: { 200: event, ...problems() } },
    handler: (request) => events.get(request.actor, request.params.id),
  });

  app.get('/events/:id/calendar.ics', {
    config: { access: 'public' },
    schema: { tags: ['events'], summary: 'The event as an iCalendar file, to add to a calendar', params: idParams, querystring: calendarQuery, response: { 200: calendarResponse('The event as an iCalendar file, as an attachment'), ...problems() } },
    handler: async (request, reply) => {
      const body = await events.eventCalendar(request.actor, request.params.id, request.query.lang);
      return reply.type(calendarType).header('content-disposition', 'attachment; filename="event.ics"').send(body as never);
    },
  });

  app.post('/events', {
    config: { access: managers },
    schema: { tags: ['events'], summary: 'Create an event (as a draft) at a centre one runs', security: [{ bearer: [] }], body: eventCreate, response: { 201: event, ...problems(422) } },
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
    schema: { tags: ['events'], summary: 'Cancel an event; everyone registered is notified', security: [{ bearer: [] }], params: idParams, response: { 200: event, ...problems(409) } },
    handler: (request) => events.cancel(who(request), request.params.id),
  });

  // ——— registrations ———

  app.post('/events/:id/registrations', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['events'],
      summary: 'Register: confirmed while seats remain, else waitlisted with a position; a repeat answers the existing registration (200)',
      security: [{ bearer: [] }],
      params: idParams,
      response: { 200: registration, 201: registration, ...problems(409) },
    },
    handler: async (request, reply) => {
      const { created, registration: answer } = await events.register(who(request), request.params.id);
      return reply.code(created ? 201 : 200).send(answer);
    },
  });

  app.get('/events/:id/registrations/me', {
    config: { access: 'signed-in' },
    schema: { tags: ['events'], summary: 'The caller’s registration, with the secret of its check-in QR code', security: [{ bearer: [] }], params: idParams, response: { 200: registration, ...problems() } },
    handler: (request) => events.mine(who(request), request.params.id),
  });

  app.delete('/events/:id/registrations/me', {
    config: { access: 'signed-in' },
    schema: { tags: ['events'], summary: 'Cancel one’s registration; the head of the waiting list takes the seat', security: [{ bearer: [] }], params: idParams, response: { 204: z.null(), ...problems(409) } },
    handler: async (request, reply) => {
      await events.cancelMine(who(request), request.params.id);
      return reply.code(204).send(null);
    },
  });

  app.get('/events/:id/registrations', {
    config: { access: managers },
    schema: {
      tags: ['events'],
      summary: 'Registrations of an event, for its centre’s coordinators; search by name or e-mail',
      security: [{ bearer: [] }],
      params: idParams,
      querystring: registrationListQuery,
      response: { 200: registrationPage, ...problems() },
    },
    handler: (request) => events.registrants(request.actor!, request.params.id, request.query),
  });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/events/:id/registrations.${format}`, {
      config: { access: managers },
      schema: {
        tags: ['events'],
        summary: `Registrations as ${format.toUpperCase()} (spreadsheet-safe), in the language of \`lang\` or Accept-Language; times at the venue`,
        security: [{ bearer: [] }],
        params: idParams,
        querystring: exportQuery,
        response: { 200: spreadsheetResponse(format), ...problems() },
      },
      handler: async (request, reply) => {
        const texts = exportTexts(exportLocale(request));
        const { event: row, rows } = await events.exportRows(request.actor!, request.params.id);
        const table = rows.map((item) => [
          item.fullName,
          item.email,
          item.institution,
          texts.registrationStatus(item.status),
          item.position ?? '',
          texts.instant(item.registeredAt, row.timeZone),
          texts.instant(item.checkedInAt, row.timeZone),
        ]);
        return sendSpreadsheet(reply, format, {
          name: `registrations-${row.startsAt.toISOString().slice(0, 10)}`,
          sheet: texts.sheet.registrations,
          header: texts.registrationHeader,
          rows: table,
        }) as never;
      },
    });
  }

  const checkedIn = registrant.extend({ alreadyCheckedIn: z.boolean() });

  app.post('/events/:id/registrations/:regId/check-in', {
    config: { access: managers },
    schema: { tags: ['events'], summary: 'Record attendance of a confirmed registrant', security: [{ bearer: [] }], params: registrationParams, response: { 200: checkedIn, ...problems(409) } },
    handler: (request) => events.checkIn(who(request), request.params.id, request.params.regId),
  });

  app.post('/events/:id/check-in', {
    config: { access: managers },
    schema: {
      tags: ['events'],
      summary: 'Record attendance by the secret of a registrant’s QR code; a forged code is refused (422)',
      security: [{ bearer: [] }],
      params: idParams,
      body: checkInByCode,
      response: { 200: checkedIn, ...problems(409, 422) },
    },
    handler: (request) => events.checkInByCode(who(request), request.params.id, request.body.code),
  });

  // ——— the signed-in person's events and calendar ———

  app.get('/me/registrations', {
    config: { access: 'signed-in' },
    schema: { tags: ['events'], summary: 'The caller’s current registrations with their events', security: [{ bearer: [] }], response: { 200: z.object({ items: z.array(myRegistration) }), ...problems() } },
    handler: (request) => events.myRegistrations(who(request)),
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
    handler: (request) => events.calendarFeed(who(request), request.body?.rotate ?? false),
  });

  app.get('/calendar-feeds/:token/events.ics', {
    config: { access: 'public' },
    schema: { tags: ['events'], summary: 'A person’s registrations as an iCalendar feed', params: feedParams, querystring: calendarQuery, response: { 200: calendarResponse('The person’s registrations as an iCalendar feed'), ...problems() } },
    handler: async (request, reply) => {
      const body = await events.personalCalendar(request.params.token, request.query.lang);
      return reply.type(calendarType).send(body as never);
    },
  });
}
