import multipart from '@fastify/multipart';
import { agreement, agreementCreate, agreementDocument, agreementListQuery, agreementUpdate, documentMaxBytes, idParams, page } from '@exchange/shared';
import { who } from '../../lib/audit.js';
import { fileResponse, problems, type Api } from '../../lib/route.js';
import { readOneFile } from '../../lib/upload-body.js';
import type { AgreementsService } from './agreements.service.js';

const tags = ['agreements'];
const security = [{ bearer: [] }];

export async function agreementsRoutes(app: Api, { agreements }: { agreements: AgreementsService }) {
  // The signed agreement: one PDF per request.
  await app.register(multipart, { preservePath: true, limits: { fileSize: documentMaxBytes, files: 1, fields: 2, fieldSize: 200, parts: 3 } });

  // Every signed-in account sees the agreements; the plan's notes only administrators and the parties' staff.
  app.get('/agreements', {
    config: { access: 'signed-in' },
    schema: { tags, security, querystring: agreementListQuery, response: { 200: page(agreement), ...problems() } },
    handler: (request) => agreements.list(request.actor!, request.query),
  });

  app.get('/agreements/:id', {
    config: { access: 'signed-in' },
    schema: { tags, security, params: idParams, response: { 200: agreement, ...problems() } },
    handler: (request) => agreements.get(request.actor!, request.params.id),
  });

  app.post('/agreements', {
    config: { access: ['admin'] },
    schema: { tags, security, body: agreementCreate, response: { 201: agreement, ...problems(409, 422) } },
    handler: async (request, reply) => reply.code(201).send(await agreements.create(who(request), request.body)),
  });

  app.patch('/agreements/:id', {
    config: { access: ['admin'] },
    schema: {
      tags,
      summary: 'Change the agreement’s title, dates or status; its plan changes item by item',
      security,
      params: idParams,
      body: agreementUpdate,
      response: { 200: agreement, ...problems(409, 422) },
    },
    handler: (request) => agreements.update(who(request), request.params.id, request.body),
  });

  app.post('/agreements/:id/document', {
    config: { access: ['admin'] },
    bodyLimit: documentMaxBytes + 64 * 1024,
    schema: {
      tags,
      summary: 'Upload the signed agreement (multipart `file`; PDF up to 10 MB); replaces an earlier upload',
      security,
      params: idParams,
      consumes: ['multipart/form-data'],
      response: { 200: agreementDocument, ...problems(413, 415) },
    },
    handler: async (request) => {
      const file = await readOneFile(request);
      return agreements.uploadDocument(who(request), request.params.id, file.name, file.content);
    },
  });

  app.get('/agreements/:id/document', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Download the signed agreement, as an attachment',
      security,
      params: idParams,
      response: { 200: fileResponse('The signed agreement as a PDF, as an attachment', ['application/pdf']), ...problems() },
    },
    handler: async (request, reply) => {
      const document = await agreements.document(request.params.id);
      return reply
        .type(document.contentType)
        .header('content-disposition', `attachment; filename="${document.fileName}"`)
        .header('content-length', document.size)
        .send(document.content as never);
    },
  });
}
