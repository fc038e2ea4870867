import { idParams, recognition, recognitionReport, recognitionReportQuery, recognitionRequest, transcriptUpdate } from '@exchange/shared';
import { who } from '../../lib/audit.js';
import { problems, type Api } from '../../lib/route.js';
import type { RecognitionService } from './recognition.service.js';

const tags = ['recognition'];
const security = [{ bearer: [] }];

export async function recognitionRoutes(app: Api, { recognition: service }: { recognition: RecognitionService }) {
  app.get('/mobilities/:id/recognition', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'The transcript of records, the recognition the conversion table proposes, and the home office’s decision',
      security,
      params: idParams,
      response: { 200: recognition, ...problems() },
    },
    handler: (request) => service.view(request.actor!, request.params.id),
  });
  app.put('/mobilities/:id/transcript', {
    config: { access: ['coordinator'] },
    schema: {
      tags,
      summary: 'The receiving office records the transcript: per component the grade in its scale, the credits, the date',
      security,
      params: idParams,
      body: transcriptUpdate,
      response: { 200: recognition, ...problems(409, 422) },
    },
    handler: (request) => service.recordTranscript(who(request), request.params.id, request.body),
  });
  app.post('/mobilities/:id/recognition', {
    config: { access: ['coordinator'] },
    schema: {
      tags,
      summary: 'The sending office decides per home component; the mobility becomes `recognised`',
      security,
      params: idParams,
      body: recognitionRequest,
      response: { 200: recognition, ...problems(409, 422) },
    },
    handler: (request) => service.recognise(who(request), request.params.id, request.body),
  });
  app.get('/reports/recognition', {
    config: { access: ['coordinator', 'reviewer', 'admin'] },
    schema: {
      tags,
      summary: 'Per direction: components planned, passed and recognised, and their credits, for an academic year',
      security,
      querystring: recognitionReportQuery,
      response: { 200: recognitionReport, ...problems() },
    },
    handler: (request) => service.report(request.actor!, request.query.academicYear),
  });
}
