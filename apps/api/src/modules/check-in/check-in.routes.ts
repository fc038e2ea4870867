import { z } from 'zod';
import { attendance, attendanceQuery, checkInByCode, checkedIn, idParams } from '@exchange/shared';
import { who } from '../../lib/audit.js';
import { problems, type Api } from '../../lib/route.js';
import type { CheckInService } from './check-in.service.js';

const managers = ['coordinator', 'admin'] as const;
const registrationParams = z.strictObject({ id: z.uuid(), regId: z.uuid() });

export async function checkInRoutes(app: Api, { checkIn }: { checkIn: CheckInService }) {
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
    handler: (request) => checkIn.attendance(request.actor!, request.params.id, request.query.from, request.query.to),
  });

  app.post('/events/:id/registrations/:regId/check-in', {
    config: { access: managers },
    schema: {
      tags: ['events'],
      summary: 'Record attendance of a confirmed registrant',
      security: [{ bearer: [] }],
      params: registrationParams,
      response: { 200: checkedIn, ...problems(409) },
    },
    handler: (request) => checkIn.checkIn(who(request), request.params.id, request.params.regId),
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
    handler: (request) => checkIn.checkInByCode(who(request), request.params.id, request.body.code),
  });
}
