/** Calls, applications with their documents and reviews, and allocation of a closed call. */
import {
  allocationConfirmed,
  allocationResult,
  application,
  applicationDocument,
  applicationPage,
  call,
  page,
  waitlist,
  type AllocationConfirmed,
  type AllocationResult,
  type Application,
  type ApplicationDocument,
  type ApplicationPage,
  type ApplicationUpdate,
  type Call,
  type CallCreate,
  type CallListQuery,
  type CallUpdate,
  type DocumentType,
  type Page,
  type ReviewBody,
  type WaitlistEntry,
} from '@exchange/shared';
import { segment as id, type Query, type Transport } from './transport.js';

const callPage = page(call);

export function createApplicationsApi({ request, upload, file }: Transport) {
  return {
    calls: (query: Partial<CallListQuery> = {}): Promise<Page<Call>> => request('GET', '/calls', { query, schema: callPage }),
    call: (callId: string): Promise<Call> => request('GET', `/calls/${id(callId)}`, { schema: call }),
    createCall: (body: CallCreate): Promise<Call> => request('POST', '/calls', { body, schema: call }),
    updateCall: (callId: string, body: CallUpdate): Promise<Call> => request('PATCH', `/calls/${id(callId)}`, { body, schema: call }),

    applications: (query: Query = {}): Promise<ApplicationPage> => request('GET', '/applications', { query, schema: applicationPage }),
    application: (applicationId: string): Promise<Application> => request('GET', `/applications/${id(applicationId)}`, { schema: application }),
    startApplication: (callId: string): Promise<Application> => request('POST', '/applications', { body: { callId }, schema: application }),
    updateApplication: (applicationId: string, body: ApplicationUpdate): Promise<Application> =>
      request('PATCH', `/applications/${id(applicationId)}`, { body, schema: application }),
    /** Sends a document as multipart: the type first, then the file. */
    uploadDocument: (applicationId: string, type: DocumentType, document: File): Promise<ApplicationDocument> => {
      const form = new FormData();
      form.append('type', type);
      form.append('file', document, document.name);
      return upload(`/applications/${id(applicationId)}/documents`, form, applicationDocument);
    },
    removeDocument: (applicationId: string, documentId: string): Promise<void> =>
      request('DELETE', `/applications/${id(applicationId)}/documents/${id(documentId)}`),
    document: (applicationId: string, documentId: string) => file(`/applications/${id(applicationId)}/documents/${id(documentId)}`),
    submit: (applicationId: string): Promise<Application> => request('POST', `/applications/${id(applicationId)}/submit`, { schema: application }),
    withdraw: (applicationId: string): Promise<Application> => request('POST', `/applications/${id(applicationId)}/withdraw`, { schema: application }),
    review: (applicationId: string, body: ReviewBody): Promise<Application> =>
      request('POST', `/applications/${id(applicationId)}/review`, { body, schema: application }),
    exportApplications: (format: 'csv' | 'xlsx', query: Query) => file(`/applications/export.${format}`, query),

    allocate: (callId: string): Promise<AllocationResult> => request('POST', `/calls/${id(callId)}/allocation`, { schema: allocationResult }),
    confirmAllocation: (callId: string, fingerprint: string): Promise<AllocationConfirmed> =>
      request('POST', `/calls/${id(callId)}/allocation/confirm`, { body: { fingerprint }, schema: allocationConfirmed }),
    waitlist: (callId: string, quotaId?: string): Promise<WaitlistEntry[]> =>
      request('GET', `/calls/${id(callId)}/waitlist`, { query: { quotaId }, schema: waitlist }).then((answer) => answer.items),
  };
}
