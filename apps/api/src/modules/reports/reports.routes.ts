import { flows, flowsQuery, mobilityReport, mobilityReportQuery } from '@exchange/shared';
import { problems, type Api } from '../../lib/route.js';
import type { ReportsService } from './reports.service.js';

const staff = ['coordinator', 'reviewer', 'admin'] as const;

export async function reportsRoutes(app: Api, { reports }: { reports: ReportsService }) {
  app.get('/reports/flows', {
    config: { access: staff },
    schema: {
      tags: ['reports'],
      summary: 'Per direction between the parties: seats, nominated, approved; and each pair’s balance',
      security: [{ bearer: [] }],
      querystring: flowsQuery,
      response: { 200: flows, ...problems() },
    },
    handler: (request) => reports.flows(request.query.academicYear),
  });

  app.get('/reports/mobilities', {
    config: { access: staff },
    schema: {
      tags: ['reports'],
      summary: 'Per direction: mobilities by stage, months used of the lines’ total, funding per currency; staff see their institution’s directions',
      security: [{ bearer: [] }],
      querystring: mobilityReportQuery,
      response: { 200: mobilityReport, ...problems() },
    },
    handler: (request) => reports.mobilities(request.actor!, request.query.academicYear),
  });
}
