import {
  admissionRequest,
  arrivalRequest,
  cancelRequest,
  departureRequest,
  fundingRequest,
  idParams,
  mobility,
  mobilityList,
  mobilityListQuery,
} from '@exchange/shared';
import { who } from '../../lib/audit.js';
import { problems, type Api } from '../../lib/route.js';
import type { MobilitiesService } from './mobilities.service.js';

const tags = ['mobilities'];
const security = [{ bearer: [] }];

export async function mobilitiesRoutes(app: Api, { mobilities }: { mobilities: MobilitiesService }) {
  app.get('/mobilities', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'A student’s own mobilities; an office’s incoming or outgoing ones (`direction`); all for an administrator',
      security,
      querystring: mobilityListQuery,
      response: { 200: mobilityList, ...problems() },
    },
    handler: (request) => mobilities.list(request.actor!, request.query),
  });

  app.get('/mobilities/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'The mobility with its checklist and letters; the host’s reads of the border data are audited',
      security,
      params: idParams,
      response: { 200: mobility, ...problems() },
    },
    handler: (request) => mobilities.view(who(request), request.params.id),
  });

  const change = { tags, security, params: idParams, response: { 200: mobility, ...problems(409, 422) } };
  app.post('/mobilities/:id/admission', {
    config: { access: ['coordinator'] },
    schema: { ...change, summary: 'The host admits the student: planned dates, programme; issues the admission letter', body: admissionRequest },
    handler: (request) => mobilities.admit(who(request), request.params.id, request.body),
  });
  app.post('/mobilities/:id/arrival', {
    config: { access: ['coordinator'] },
    schema: { ...change, summary: 'The host confirms the arrival (a local date in its zone)', body: arrivalRequest },
    handler: (request) => mobilities.arrive(who(request), request.params.id, request.body),
  });
  app.post('/mobilities/:id/departure', {
    config: { access: ['coordinator'] },
    schema: { ...change, summary: 'The host records the departure; an interruption is a departure with a reason', body: departureRequest },
    handler: (request) => mobilities.depart(who(request), request.params.id, request.body),
  });
  app.post('/mobilities/:id/cancel', {
    config: { access: ['coordinator'] },
    schema: { ...change, summary: 'The sending office cancels before departure; the seat is freed for the waiting list', body: cancelRequest },
    handler: (request) => mobilities.cancel(who(request), request.params.id, request.body),
  });
  app.post('/mobilities/:id/funding', {
    config: { access: ['coordinator'] },
    schema: { ...change, summary: 'The sending office records the funding (or none)', body: fundingRequest },
    handler: (request) => mobilities.setFunding(who(request), request.params.id, request.body),
  });
}
