import multipart from '@fastify/multipart';
import { z } from 'zod';
import { checklistItem, checklistItemUpdate, checklistTemplate, checklistTemplateUpdate, documentMaxBytes, idParams, mobilityDocument } from '@exchange/shared';
import { who } from '../../lib/audit.js';
import { documentFileResponse, problems, type Api } from '../../lib/route.js';
import { readOneFile } from '../../lib/upload-body.js';
import type { ChecklistActions } from './checklist-actions.service.js';

const tags = ['checklists'];
const security = [{ bearer: [] }];
const itemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });
const documentParams = z.strictObject({ id: z.uuid(), documentId: z.uuid() });

export async function checklistsRoutes(app: Api, { checklists }: { checklists: ChecklistActions }) {
  // Proofs and requested documents: one file per request, the same limits as application documents.
  await app.register(multipart, { preservePath: true, limits: { fileSize: documentMaxBytes, files: 1, fields: 2, fieldSize: 200, parts: 3 } });

  app.patch('/mobilities/:id/checklist/:itemId', {
    config: { access: ['student', 'coordinator', 'admin'] },
    schema: {
      tags,
      summary: 'The step’s owner side marks it done (with a proof where asked), waived (with a reason) or open again',
      security,
      params: itemParams,
      body: checklistItemUpdate,
      response: { 200: checklistItem, ...problems(409, 422) },
    },
    handler: (request) => checklists.updateItem(who(request), request.params.id, request.params.itemId, request.body),
  });

  app.post('/mobilities/:id/documents', {
    config: { access: ['student', 'coordinator'] },
    bodyLimit: documentMaxBytes + 64 * 1024,
    schema: {
      tags,
      summary: 'Upload a proof or a requested document (multipart `file`; PDF, PNG or JPEG up to 10 MB)',
      security,
      params: idParams,
      consumes: ['multipart/form-data'],
      response: { 201: mobilityDocument, ...problems(409, 413, 415) },
    },
    handler: async (request, reply) => {
      const file = await readOneFile(request);
      return reply.code(201).send(await checklists.addDocument(who(request), request.params.id, file.name, file.content));
    },
  });

  app.get('/mobilities/:id/documents/:documentId', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Download a proof or requested document, as an attachment',
      security,
      params: documentParams,
      response: { 200: documentFileResponse, ...problems() },
    },
    handler: async (request, reply) => {
      const document = await checklists.document(request.actor!, request.params.id, request.params.documentId);
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

  app.get('/institutions/:id/checklist-template', {
    config: { access: ['coordinator', 'reviewer', 'admin'] },
    schema: {
      tags,
      summary: 'The steps a receiving institution sets for its incoming students',
      security,
      params: idParams,
      response: { 200: checklistTemplate, ...problems() },
    },
    handler: (request) => checklists.template(request.params.id),
  });

  app.put('/institutions/:id/checklist-template', {
    config: { access: ['coordinator', 'admin'] },
    schema: {
      tags,
      summary: 'Replace the template; mobilities already admitted keep the steps they were given',
      security,
      params: idParams,
      body: checklistTemplateUpdate,
      response: { 200: checklistTemplate, ...problems(422) },
    },
    handler: (request) => checklists.replaceTemplate(who(request), request.params.id, request.body),
  });
}
