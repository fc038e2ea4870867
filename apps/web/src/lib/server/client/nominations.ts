/** Nominations (both sides), the flows report and the user's notifications. */
import {
  bulkApprovalResult,
  flows,
  nomination,
  notificationPage,
  page,
  type BulkApproval,
  type Flows,
  type Nomination,
  type NotificationPage,
  type Page,
} from '@exchange/shared';
import { segment as id, type Query, type Transport } from './transport.js';

const nominationPage = page(nomination);

export function createNominationsApi({ request, file }: Transport) {
  return {
    nominations: (query: Query = {}): Promise<Page<Nomination>> => request('GET', '/nominations', { query, schema: nominationPage }),
    nomination: (nominationId: string): Promise<Nomination> => request('GET', `/nominations/${id(nominationId)}`, { schema: nomination }),
    nominate: (applicationId: string, quotaId: string): Promise<Nomination> =>
      request('POST', '/nominations', { body: { applicationId, quotaId }, schema: nomination }),
    approve: (nominationId: string, proposalId: string): Promise<Nomination> =>
      request('POST', `/nominations/${id(nominationId)}/approve`, { body: { proposalId }, schema: nomination }),
    undoApproval: (nominationId: string, proposalId: string): Promise<Nomination> =>
      request('POST', `/nominations/${id(nominationId)}/undo-approval`, { body: { proposalId }, schema: nomination }),
    approveMany: (items: { id: string; proposalId: string }[]): Promise<BulkApproval[]> =>
      request('POST', '/nominations/approve', { body: { items }, schema: bulkApprovalResult }).then((answer) => answer.results),
    reject: (nominationId: string, proposalId: string, comment: string): Promise<Nomination> =>
      request('POST', `/nominations/${id(nominationId)}/reject`, { body: { proposalId, comment }, schema: nomination }),
    cancelNomination: (nominationId: string): Promise<Nomination> => request('POST', `/nominations/${id(nominationId)}/cancel`, { schema: nomination }),
    noteNomination: (nominationId: string, note: string | null): Promise<Nomination> =>
      request('PATCH', `/nominations/${id(nominationId)}`, { body: { note }, schema: nomination }),
    nominationDocument: (nominationId: string, documentId: string) => file(`/nominations/${id(nominationId)}/documents/${id(documentId)}`),
    exportNominations: (format: 'csv' | 'xlsx', query: Query) => file(`/nominations/export.${format}`, query),

    flows: (academicYear: string): Promise<Flows> => request('GET', '/reports/flows', { query: { academicYear }, schema: flows }),

    notifications: (query: { unread?: 'true'; limit?: number; offset?: number } = {}): Promise<NotificationPage> =>
      request('GET', '/notifications', { query, schema: notificationPage }),
    readNotification: (notificationId: string): Promise<void> => request('POST', `/notifications/${id(notificationId)}/read`),
  };
}
