import { z } from 'zod';
import { allocationConfirm, allocationConfirmed, allocationResult, id, idParams, waitlist } from '@exchange/shared';
import { who } from '../../lib/audit.js';
import { problems, type Api } from '../../lib/route.js';
import type { AllocationService } from './allocation.service.js';

export async function allocationRoutes(app: Api, { allocation }: { allocation: AllocationService }) {
  app.post('/calls/:id/allocation', {
    config: { access: ['coordinator'] },
    schema: {
      tags: ['allocation'],
      summary: 'Dry run: the proposed placements, with a reason for each student in three languages',
      security: [{ bearer: [] }],
      params: idParams,
      response: { 200: allocationResult, ...problems(409) },
    },
    handler: (request) => allocation.dryRun(request.actor!, request.params.id),
  });

  app.post('/calls/:id/allocation/confirm', {
    config: { access: ['coordinator'] },
    schema: {
      tags: ['allocation'],
      summary: 'Creates the nominations of the dry run and waitlists the rest; 409 if anything changed since',
      security: [{ bearer: [] }],
      params: idParams,
      body: allocationConfirm,
      response: { 200: allocationConfirmed, ...problems(409) },
    },
    handler: (request) => allocation.confirm(who(request), request.params.id, request.body.fingerprint),
  });

  app.get('/calls/:id/waitlist', {
    config: { access: ['coordinator'] },
    schema: {
      tags: ['allocation'],
      summary: 'Waitlisted students of the call, best ranked first; with quotaId, those who wanted that line',
      security: [{ bearer: [] }],
      params: idParams,
      querystring: z.strictObject({ quotaId: id.optional() }),
      response: { 200: waitlist, ...problems() },
    },
    handler: (request) => allocation.waitlist(request.actor!, request.params.id, request.query.quotaId),
  });
}
