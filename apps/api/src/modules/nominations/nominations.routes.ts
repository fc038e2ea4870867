import { z } from 'zod';
import {
  approvalUndoMinutes,
  bulkApprovalResult,
  idParams,
  localize,
  nomination,
  nominationApprove,
  nominationBulkApprove,
  nominationCreate,
  nominationExportQuery,
  nominationListQuery,
  nominationReject,
  nominationUpdate,
  page,
} from '@exchange/shared';
import { who } from '../../lib/audit.js';
import { sendSpreadsheet } from '../../lib/spreadsheet.js';
import { exportLocale, exportTexts } from '../../lib/spreadsheet-texts.js';
import { documentFileResponse, problems, spreadsheetResponse, type Api } from '../../lib/route.js';
import type { NominationsService } from './nominations.service.js';

const staff = ['coordinator', 'reviewer', 'admin'] as const;

export async function nominationsRoutes(app: Api, { nominations }: { nominations: NominationsService }) {
  app.get('/nominations', {
    config: { access: staff },
    schema: {
      tags: ['nominations'],
      summary: 'Nominees to (incoming) or from (outgoing) the caller’s institution',
      security: [{ bearer: [] }],
      querystring: nominationListQuery,
      response: { 200: page(nomination), ...problems() },
    },
    // PostgreSQL wrote the page as the schema describes it: sent as it is, not serialized again.
    handler: async (request, reply) => reply.type('application/json; charset=utf-8').send((await nominations.list(request.actor!, request.query)) as never),
  });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/nominations/export.${format}`, {
      config: { access: ['coordinator', 'admin'] },
      schema: {
        tags: ['nominations'],
        summary: `The nominee list as ${format.toUpperCase()}, in the language of \`lang\` or Accept-Language; times in the exporting office’s zone`,
        security: [{ bearer: [] }],
        querystring: nominationExportQuery,
        response: { 200: spreadsheetResponse(format), ...problems() },
      },
      handler: async (request, reply) => {
        const texts = exportTexts(exportLocale(request));
        const { lang: _lang, ...query } = request.query;
        const actor = request.actor!;
        const { items, institutions } = await nominations.exportRows(actor, query);
        const party = new Map(institutions.map((row) => [row.id, row]));
        const name = (institutionId: string) => {
          const found = party.get(institutionId);
          return found ? localize(found.name, texts.locale).text : institutionId;
        };
        // An office reads times in its own zone; an administrator in the sending side's.
        const zone = (sendingInstitutionId: string) =>
          party.get(actor.institutionId ?? sendingInstitutionId)?.timeZone ?? party.get(sendingInstitutionId)?.timeZone ?? 'UTC';
        const table = items.map((row) => [
          row.student.fullName,
          row.student.fullNameLatin ?? '',
          row.student.email,
          name(row.sendingInstitutionId),
          name(row.receivingInstitutionId),
          row.academicYear,
          texts.mobilityType(row.mobilityType),
          texts.nominationStatus(row.status),
          texts.studyLevel(row.student.studyLevel),
          row.student.fieldOfStudy ?? '',
          row.student.languageCertificates.map(texts.certificate).join('; '),
          texts.instant(row.createdAt, zone(row.sendingInstitutionId)),
          texts.instant(row.decidedAt, zone(row.sendingInstitutionId)),
          texts.written(row.comment, row.commentLocale),
        ]);
        return sendSpreadsheet(reply, format, {
          name: `nominations-${new Date().toISOString().slice(0, 10)}`,
          sheet: texts.sheet.nominations,
          header: texts.nominationHeader,
          rows: table,
        }) as never;
      },
    });
  }

  app.post('/nominations', {
    config: { access: ['coordinator'] },
    schema: {
      tags: ['nominations'],
      summary: 'Nominate an eligible applicant on a line of the call; 409 when the line is full',
      security: [{ bearer: [] }],
      body: nominationCreate,
      response: { 201: nomination, ...problems(409, 422) },
    },
    handler: async (request, reply) => reply.code(201).send(await nominations.create(who(request), request.body.applicationId, request.body.quotaId)),
  });

  app.post('/nominations/approve', {
    config: { access: ['coordinator'] },
    schema: {
      tags: ['nominations'],
      summary: 'Approve several nominees; each answers on its own',
      security: [{ bearer: [] }],
      body: nominationBulkApprove,
      response: { 200: bulkApprovalResult, ...problems() },
    },
    handler: (request) => nominations.bulkApprove(who(request), request.body.items),
  });

  app.get('/nominations/:id', {
    config: { access: staff },
    schema: {
      tags: ['nominations'],
      summary: 'The nominee’s dossier; the receiving side sees no passport number',
      security: [{ bearer: [] }],
      params: idParams,
      response: { 200: nomination, ...problems() },
    },
    handler: (request) => nominations.view(request.actor!, request.params.id),
  });

  app.patch('/nominations/:id', {
    config: { access: ['coordinator'] },
    schema: {
      tags: ['nominations'],
      summary: 'The sending office’s note to the partner; makes a new proposalId',
      security: [{ bearer: [] }],
      params: idParams,
      body: nominationUpdate,
      response: { 200: nomination, ...problems(409) },
    },
    handler: (request) => nominations.updateNote(who(request), request.params.id, request.body.note),
  });

  app.get('/nominations/:id/documents/:docId', {
    config: { access: staff },
    schema: {
      tags: ['nominations'],
      summary: 'A nominee’s document, as an attachment (partners: not the passport copy)',
      security: [{ bearer: [] }],
      params: z.strictObject({ id: z.uuid(), docId: z.uuid() }),
      response: { 200: documentFileResponse, ...problems() },
    },
    handler: async (request, reply) => {
      const document = await nominations.document(request.actor!, request.params.id, request.params.docId);
      return reply
        .type(document.contentType)
        .header('content-disposition', `attachment; filename="${document.fileName}"`)
        .send(document.content as never);
    },
  });

  app.post('/nominations/:id/approve', {
    config: { access: ['coordinator'] },
    schema: {
      tags: ['nominations'],
      summary: 'Approve; 409 when the proposalId is stale',
      security: [{ bearer: [] }],
      params: idParams,
      body: nominationApprove,
      response: { 200: nomination, ...problems(409) },
    },
    handler: (request) => nominations.approve(who(request), request.params.id, request.body.proposalId),
  });

  app.post('/nominations/:id/undo-approval', {
    config: { access: ['coordinator'] },
    schema: {
      tags: ['nominations'],
      summary: `Take an approval back within ${approvalUndoMinutes} minutes: pending again; 409 when the proposalId is stale or the window has passed`,
      security: [{ bearer: [] }],
      params: idParams,
      body: nominationApprove,
      response: { 200: nomination, ...problems(409) },
    },
    handler: (request) => nominations.undoApproval(who(request), request.params.id, request.body.proposalId),
  });

  app.post('/nominations/:id/reject', {
    config: { access: ['coordinator'] },
    schema: {
      tags: ['nominations'],
      summary: 'Reject with a reason; frees the seat',
      security: [{ bearer: [] }],
      params: idParams,
      body: nominationReject,
      response: { 200: nomination, ...problems(409) },
    },
    handler: (request) => nominations.reject(who(request), request.params.id, request.body.proposalId, request.body.comment),
  });

  app.post('/nominations/:id/cancel', {
    config: { access: ['coordinator'] },
    schema: {
      tags: ['nominations'],
      summary: 'The sending side withdraws the nomination; frees the seat',
      security: [{ bearer: [] }],
      params: idParams,
      response: { 200: nomination, ...problems(409) },
    },
    handler: (request) => nominations.cancel(who(request), request.params.id),
  });
}
