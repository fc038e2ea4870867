import { conversionParams, gradeConversion, gradeConversionUpdate, idParams, institutionGrading, institutionGradingUpdate } from '@exchange/shared';
import { who } from '../../lib/audit.js';
import { problems, type Api } from '../../lib/route.js';
import type { GradingService } from './grading.service.js';

const tags = ['grading'];
const security = [{ bearer: [] }];

export async function gradingRoutes(app: Api, { grading }: { grading: GradingService }) {
  app.get('/institutions/:id/grading', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'The institution’s grade scale and credit unit',
      security,
      params: idParams,
      response: { 200: institutionGrading, ...problems() },
    },
    handler: (request) => grading.grading(request.params.id),
  });
  app.put('/institutions/:id/grading', {
    config: { access: ['coordinator', 'admin'] },
    schema: {
      tags,
      summary: 'The institution’s coordinators (or the administrator) declare its grade scale and credit unit',
      security,
      params: idParams,
      body: institutionGradingUpdate,
      response: { 200: institutionGrading, ...problems() },
    },
    handler: (request) => grading.saveGrading(who(request), request.params.id, request.body),
  });
  app.get('/grade-conversions/:fromId/:toId', {
    config: { access: ['coordinator', 'reviewer', 'admin'] },
    schema: {
      tags,
      summary: 'How grades of one institution convert to another’s (staff of either institution)',
      security,
      params: conversionParams,
      response: { 200: gradeConversion, ...problems() },
    },
    handler: (request) => grading.conversion(request.actor!, request.params.fromId, request.params.toId),
  });
  app.put('/grade-conversions/:fromId/:toId', {
    config: { access: ['coordinator', 'admin'] },
    schema: {
      tags,
      summary: 'Either institution’s coordinators replace the conversion table; each line is checked against both scales',
      security,
      params: conversionParams,
      body: gradeConversionUpdate,
      response: { 200: gradeConversion, ...problems(422) },
    },
    handler: (request) => grading.saveConversion(who(request), request.params.fromId, request.params.toId, request.body),
  });
}
