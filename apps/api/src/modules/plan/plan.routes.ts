import multipart from '@fastify/multipart';
import { z } from 'zod';
import {
  documentMaxBytes,
  idParams,
  planEvidence,
  planEvidenceParams,
  planExportQuery,
  planItem,
  planItemCreate,
  planItemDetail,
  planItemHistory,
  planItemList,
  planItemParams,
  planItemUpdate,
  planOrder,
  planProgress,
} from '@exchange/shared';
import { who } from '../../lib/audit.js';
import { documentFileResponse, fileResponse, problems, spreadsheetMediaTypes, spreadsheetResponse, type Api } from '../../lib/route.js';
import { exportLocale } from '../../lib/spreadsheet-texts.js';
import { readOneFile } from '../../lib/upload-body.js';
import { planPdf, planWorkbook } from './plan-export.js';
import type { PlanService } from './plan.service.js';

const tags = ['plan'];
const security = [{ bearer: [] }];

export async function planRoutes(app: Api, { plan }: { plan: PlanService }) {
  // Evidence files: one per request, the same limits as every other document.
  await app.register(multipart, { preservePath: true, limits: { fileSize: documentMaxBytes, files: 1, fields: 2, fieldSize: 200, parts: 3 } });

  app.post('/agreements/:id/plan', {
    config: { access: ['admin'] },
    schema: {
      tags,
      summary: 'Add a measure at the end of the plan',
      security,
      params: idParams,
      body: planItemCreate,
      response: { 201: planItem, ...problems(422) },
    },
    handler: async (request, reply) => reply.code(201).send(await plan.create(who(request), request.params.id, request.body)),
  });

  app.put('/agreements/:id/plan/order', {
    config: { access: ['admin'] },
    schema: {
      tags,
      summary: 'Put the plan’s items in a new order (every item once)',
      security,
      params: idParams,
      body: planOrder,
      response: { 200: planItemList, ...problems(422) },
    },
    handler: (request) => plan.reorder(who(request), request.params.id, request.body.itemIds),
  });

  app.get('/agreements/:id/plan/progress', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Counts of the plan’s items by status, per responsible party and per year of the deadline (administrators and the parties’ staff)',
      security,
      params: idParams,
      response: { 200: planProgress, ...problems() },
    },
    handler: (request) => plan.progress(request.actor!, request.params.id),
  });

  app.get('/agreements/:id/plan/export.xlsx', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'The plan as a progress report workbook, in `lang` or the request’s language (administrators and the parties’ staff)',
      security,
      params: idParams,
      querystring: planExportQuery,
      response: { 200: spreadsheetResponse('xlsx'), ...problems() },
    },
    handler: async (request, reply) => {
      const locale = exportLocale(request);
      const workbook = await planWorkbook(await plan.report(request.actor!, request.params.id, locale));
      return reply
        .type(spreadsheetMediaTypes.xlsx)
        .header('content-disposition', `attachment; filename="plan-of-measures-${locale}.xlsx"`)
        .send(workbook as never);
    },
  });

  app.get('/agreements/:id/plan/export.pdf', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'The plan as a printed progress report, in `lang` or the request’s language (administrators and the parties’ staff)',
      security,
      params: idParams,
      querystring: planExportQuery,
      response: { 200: fileResponse('The report as a PDF, as an attachment', ['application/pdf']), ...problems() },
    },
    handler: async (request, reply) => {
      const locale = exportLocale(request);
      const printed = await planPdf(await plan.report(request.actor!, request.params.id, locale));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="plan-of-measures-${locale}.pdf"`)
        .send(printed as never);
    },
  });

  app.get('/agreements/:id/plan/:itemId', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'A measure with its evidence (administrators and the parties’ staff)',
      security,
      params: planItemParams,
      response: { 200: planItemDetail, ...problems() },
    },
    handler: (request) => plan.detail(request.actor!, request.params.id, request.params.itemId),
  });

  app.patch('/agreements/:id/plan/:itemId', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Administrators change a measure; the responsible institution’s coordinators report `{status, note}`; others are told it does not exist',
      security,
      params: planItemParams,
      body: planItemUpdate,
      response: { 200: planItem, ...problems(422) },
    },
    handler: (request) => plan.update(who(request), request.params.id, request.params.itemId, request.body),
  });

  app.delete('/agreements/:id/plan/:itemId', {
    config: { access: ['admin'] },
    schema: {
      tags,
      summary: 'Remove a measure with its evidence (its history stays in the audit log)',
      security,
      params: planItemParams,
      response: { 204: z.null(), ...problems() },
    },
    handler: async (request, reply) => {
      await plan.remove(who(request), request.params.id, request.params.itemId);
      return reply.code(204).send(null);
    },
  });

  app.get('/agreements/:id/plan/:itemId/history', {
    config: { access: 'signed-in' },
    schema: { tags, summary: 'Who changed the measure, when and what', security, params: planItemParams, response: { 200: planItemHistory, ...problems() } },
    handler: (request) => plan.history(request.actor!, request.params.id, request.params.itemId),
  });

  app.post('/agreements/:id/plan/:itemId/evidence', {
    config: { access: 'signed-in' },
    bodyLimit: documentMaxBytes + 64 * 1024,
    schema: {
      tags,
      summary: 'Attach evidence (multipart `file`; PDF, PNG or JPEG up to 10 MB): the responsible coordinators and administrators',
      security,
      params: planItemParams,
      consumes: ['multipart/form-data'],
      response: { 201: planEvidence, ...problems(413, 415) },
    },
    handler: async (request, reply) => {
      const file = await readOneFile(request);
      return reply.code(201).send(await plan.addEvidence(who(request), request.params.id, request.params.itemId, file.name, file.content));
    },
  });

  app.get('/agreements/:id/plan/:itemId/evidence/:evidenceId', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Download an evidence file, as an attachment',
      security,
      params: planEvidenceParams,
      response: { 200: documentFileResponse, ...problems() },
    },
    handler: async (request, reply) => {
      const file = await plan.evidence(request.actor!, request.params.id, request.params.itemId, request.params.evidenceId);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('content-length', file.size)
        .send(file.content as never);
    },
  });

  app.delete('/agreements/:id/plan/:itemId/evidence/:evidenceId', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Remove an evidence file: whoever uploaded it, or an administrator',
      security,
      params: planEvidenceParams,
      response: { 204: z.null(), ...problems() },
    },
    handler: async (request, reply) => {
      await plan.removeEvidence(who(request), request.params.id, request.params.itemId, request.params.evidenceId);
      return reply.code(204).send(null);
    },
  });
}
