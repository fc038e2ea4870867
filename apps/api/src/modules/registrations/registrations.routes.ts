import { z } from 'zod';
import { idParams, locales, myRegistrationList, registration, registrationListQuery, registrationPage } from '@exchange/shared';
import { who } from '../../lib/audit.js';
import { sendSpreadsheet } from '../../lib/spreadsheet.js';
import { exportLocale, exportTexts } from '../../lib/spreadsheet-texts.js';
import { problems, spreadsheetResponse, type Api } from '../../lib/route.js';
import type { RegistrationsService } from './registrations.service.js';

const managers = ['coordinator', 'admin'] as const;
const exportQuery = z.strictObject({ lang: z.enum(locales).optional() });

export async function registrationsRoutes(app: Api, { registrations }: { registrations: RegistrationsService }) {
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
      const { created, registration: answer } = await registrations.register(who(request), request.params.id);
      return reply.code(created ? 201 : 200).send(answer);
    },
  });

  app.get('/events/:id/registrations/me', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['events'],
      summary: 'The caller’s registration, with the secret of its check-in QR code',
      security: [{ bearer: [] }],
      params: idParams,
      response: { 200: registration, ...problems() },
    },
    handler: (request) => registrations.mine(who(request), request.params.id),
  });

  app.delete('/events/:id/registrations/me', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['events'],
      summary: 'Cancel one’s registration; the head of the waiting list takes the seat',
      security: [{ bearer: [] }],
      params: idParams,
      response: { 204: z.null(), ...problems(409) },
    },
    handler: async (request, reply) => {
      await registrations.cancelMine(who(request), request.params.id);
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
    handler: (request) => registrations.registrants(request.actor!, request.params.id, request.query),
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
        const { event: row, rows } = await registrations.exportRows(request.actor!, request.params.id);
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

  // ——— the signed-in person's events ———

  app.get('/me/registrations', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['events'],
      summary: 'The caller’s current registrations with their events',
      security: [{ bearer: [] }],
      response: { 200: myRegistrationList, ...problems() },
    },
    handler: (request) => registrations.myRegistrations(who(request)),
  });
}
