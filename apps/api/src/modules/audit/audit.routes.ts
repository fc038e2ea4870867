import { auditChangeLine, auditChanges, auditEntry, auditExportQuery, auditListQuery, localize, page, type Locale } from '@exchange/shared';
import { sendSpreadsheet } from '../../lib/spreadsheet.js';
import { exportLocale, exportTexts } from '../../lib/spreadsheet-texts.js';
import { problems, spreadsheetResponse, type Api } from '../../lib/route.js';
import type { AuditService } from './audit.service.js';

const readers = ['admin', 'coordinator'] as const;

export async function auditRoutes(app: Api, { audit }: { audit: AuditService }) {
  app.get('/audit', {
    config: { access: readers },
    schema: {
      tags: ['audit'],
      summary: 'Audit entries, newest first: all for an admin, own institution for a coordinator; filters who, action, object, institution, from–to',
      security: [{ bearer: [] }],
      querystring: auditListQuery,
      response: { 200: page(auditEntry), ...problems() },
    },
    handler: (request) => audit.list(request.actor!, request.query),
  });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/audit/export.${format}`, {
      config: { access: readers },
      schema: {
        tags: ['audit'],
        summary: `The filtered entries as ${format.toUpperCase()} (at most 10,000, newest first), each change as old → new; times in the entry's institution's zone`,
        security: [{ bearer: [] }],
        querystring: auditExportQuery,
        response: { 200: spreadsheetResponse(format), ...problems() },
      },
      handler: async (request, reply) => {
        const texts = exportTexts(exportLocale(request));
        const { lang: _lang, ...query } = request.query;
        const actor = request.actor!;
        const { items, parties } = await audit.exportRows(actor, query);
        const party = new Map(parties.map((row) => [row.id, row]));
        const zone = (institutionId: string | null) => party.get(actor.institutionId ?? institutionId ?? '')?.timeZone ?? 'UTC';
        const name = (institutionId: string | null) => {
          const found = institutionId ? party.get(institutionId) : undefined;
          return found ? localize(found.name as Record<Locale, string>, texts.locale).text : '';
        };
        const rows = items.map((entry) => [
          texts.instant(entry.at, zone(entry.institutionId)),
          entry.actorEmail ?? '',
          name(entry.institutionId),
          entry.action,
          entry.entityType,
          entry.entityId ?? '',
          auditChangeLine(auditChanges(entry.before, entry.after)),
        ]);
        return sendSpreadsheet(reply, format, {
          name: `audit-${new Date().toISOString().slice(0, 10)}`,
          sheet: texts.sheet.audit,
          header: texts.auditHeader,
          rows,
        }) as never;
      },
    });
  }
}
