import multipart from '@fastify/multipart';
import { z } from 'zod';
import {
  application,
  applicationDocument,
  applicationExportQuery,
  applicationListQuery,
  applicationPage,
  applicationUpdate,
  documentMaxBytes,
  documentTypes,
  id,
  idParams,
  reviewBody,
  type DocumentType,
} from '@exchange/shared';
import { AppError } from '../../errors.js';
import { who } from '../../lib/audit.js';
import { sendSpreadsheet } from '../../lib/spreadsheet.js';
import { exportLocale, exportTexts } from '../../lib/spreadsheet-texts.js';
import { documentFileResponse, problems, spreadsheetResponse, type Api } from '../../lib/route.js';
import { fileRequired, readUpload } from '../../lib/upload-body.js';
import type { ApplicationsService } from './applications.service.js';

const documentParams = z.strictObject({ id: z.uuid(), docId: z.uuid() });
const staffRead = ['coordinator', 'reviewer', 'admin'] as const;

export async function applicationsRoutes(app: Api, { applications }: { applications: ApplicationsService }) {
  // Only this module accepts multipart bodies: document uploads.
  // preservePath: see the name as sent, so a name with a path is refused rather than trimmed.
  await app.register(multipart, {
    preservePath: true,
    limits: { fileSize: documentMaxBytes, files: 1, fields: 4, fieldSize: 200, parts: 5 },
  });

  app.get('/applications', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['applications'],
      summary: 'Applications: a student’s own; the home office’s; all for an admin. Counts per status for the filter.',
      security: [{ bearer: [] }],
      querystring: applicationListQuery,
      response: { 200: applicationPage, ...problems() },
    },
    // PostgreSQL wrote the page as the schema describes it: sent as it is, not serialized again.
    handler: async (request, reply) => reply.type('application/json; charset=utf-8').send((await applications.list(request.actor!, request.query)) as never),
  });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/applications/export.${format}`, {
      config: { access: staffRead },
      schema: {
        tags: ['applications'],
        summary: `The filtered list as ${format.toUpperCase()}, in the language of \`lang\` or Accept-Language; times in the home institution’s zone`,
        security: [{ bearer: [] }],
        querystring: applicationExportQuery,
        response: { 200: spreadsheetResponse(format), ...problems() },
      },
      handler: async (request, reply) => {
        const texts = exportTexts(exportLocale(request));
        const { lang: _lang, ...query } = request.query;
        const { items, institutions, lines } = await applications.exportRows(request.actor!, query);
        const party = new Map(institutions.map((row) => [row.id, row]));
        const leadsTo = new Map(lines.map((line) => [line.id, party.get(line.receivingInstitutionId)?.code ?? '']));
        const table = items.map((row) => [
          row.student.fullName,
          row.fullNameLatin ?? '',
          row.student.email,
          texts.applicationStatus(row.status),
          texts.instant(row.submittedAt, party.get(row.call.institutionId)?.timeZone ?? 'UTC'),
          row.gpa ?? '',
          row.review?.score ?? '',
          texts.yesNo(row.review?.eligible),
          row.preferences.map((preference) => `${preference.rank}. ${leadsTo.get(preference.quotaId) || preference.quotaId}`).join('; '),
          row.documents.map((document) => texts.documentType(document.type)).join('; '),
          texts.written(row.review?.comment, row.review?.commentLocale),
        ]);
        return sendSpreadsheet(reply, format, {
          name: `applications-${new Date().toISOString().slice(0, 10)}`,
          sheet: texts.sheet.applications,
          header: texts.applicationHeader,
          rows: table,
        }) as never;
      },
    });
  }

  app.get('/applications/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['applications'],
      summary: 'An application’s dossier with its status history',
      security: [{ bearer: [] }],
      params: idParams,
      response: { 200: application, ...problems() },
    },
    handler: (request) => applications.get(request.actor!, request.params.id),
  });

  app.post('/applications', {
    config: { access: ['student'] },
    schema: {
      tags: ['applications'],
      summary: 'Start a draft application on an open call',
      security: [{ bearer: [] }],
      body: z.strictObject({ callId: id }),
      response: { 201: application, ...problems(409) },
    },
    handler: async (request, reply) => reply.code(201).send(await applications.create(who(request), request.body.callId)),
  });

  app.patch('/applications/:id', {
    config: { access: ['student'] },
    schema: {
      tags: ['applications'],
      summary: 'Fill in a draft: ranked preferences, motivation, GPA, language certificates',
      security: [{ bearer: [] }],
      params: idParams,
      body: applicationUpdate,
      response: { 200: application, ...problems(409, 422) },
    },
    handler: (request) => applications.update(who(request), request.params.id, request.body),
  });

  app.post('/applications/:id/documents', {
    config: { access: ['student'] },
    bodyLimit: documentMaxBytes + 64 * 1024,
    schema: {
      tags: ['applications'],
      summary: 'Upload a document (multipart: `type`, then `file`; PDF, PNG or JPEG up to 10 MB); replaces one of the same type',
      security: [{ bearer: [] }],
      params: idParams,
      consumes: ['multipart/form-data'],
      response: { 201: applicationDocument, ...problems(409, 413, 415) },
    },
    handler: async (request, reply) => {
      const { file, fields } = await readUpload(request);
      const type = fields.type;
      if (!type || !(documentTypes as readonly string[]).includes(type)) {
        throw new AppError(400, 'validation_failed', 'Say which document this is.', {
          errors: [{ path: 'body.type', code: 'invalid_value', message: `One of: ${documentTypes.join(', ')}` }],
        });
      }
      if (!file) throw fileRequired();
      const created = await applications.addDocument(who(request), request.params.id, type as DocumentType, file.name, file.content);
      return reply.code(201).send(created);
    },
  });

  app.get('/applications/:id/documents/:docId', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['applications'],
      summary: 'Download a document, as an attachment',
      security: [{ bearer: [] }],
      params: documentParams,
      response: { 200: documentFileResponse, ...problems() },
    },
    handler: async (request, reply) => {
      const document = await applications.document(request.actor!, request.params.id, request.params.docId);
      return (
        reply
          .type(document.contentType)
          .header('content-disposition', `attachment; filename="${document.fileName}"`)
          .header('content-length', document.size)
          // Buffers go out as they are; the schema serializer is not involved.
          .send(document.content as never)
      );
    },
  });

  app.delete('/applications/:id/documents/:docId', {
    config: { access: ['student'] },
    schema: { tags: ['applications'], security: [{ bearer: [] }], params: documentParams, response: { 204: z.null(), ...problems(409) } },
    handler: async (request, reply) => {
      await applications.removeDocument(who(request), request.params.id, request.params.docId);
      return reply.code(204).send(null);
    },
  });

  app.post('/applications/:id/submit', {
    config: { access: ['student'] },
    schema: {
      tags: ['applications'],
      summary: 'Submit; refused with the list of what is missing (422 `application_incomplete`, `missing`)',
      security: [{ bearer: [] }],
      params: idParams,
      response: { 200: application, ...problems(409, 422) },
    },
    handler: (request) => applications.submit(who(request), request.params.id),
  });

  app.post('/applications/:id/withdraw', {
    config: { access: ['student'] },
    schema: { tags: ['applications'], security: [{ bearer: [] }], params: idParams, response: { 200: application, ...problems(409) } },
    handler: (request) => applications.withdraw(who(request), request.params.id),
  });

  app.post('/applications/:id/review', {
    config: { access: ['coordinator'] },
    schema: {
      tags: ['applications'],
      summary: 'Score (0–100), eligibility and comment; ineligible tells the student why',
      security: [{ bearer: [] }],
      params: idParams,
      body: reviewBody,
      response: { 200: application, ...problems(409) },
    },
    handler: (request) => applications.review(who(request), request.params.id, request.body),
  });
}
