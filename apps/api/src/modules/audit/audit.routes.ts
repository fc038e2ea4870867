import { auditEntry, auditListQuery, page } from '@exchange/shared';
import { problems, type Api } from '../../lib/route.js';
import type { AuditService } from './audit.service.js';

export async function auditRoutes(app: Api, { audit }: { audit: AuditService }) {
  app.get('/audit', {
    config: { access: ['admin', 'coordinator'] },
    schema: {
      tags: ['audit'],
      summary: 'Audit entries, newest first: all for an admin, own institution for a coordinator',
      security: [{ bearer: [] }],
      querystring: auditListQuery,
      response: { 200: page(auditEntry), ...problems() },
    },
    handler: (request) => audit.list(request.actor!, request.query),
  });
}
