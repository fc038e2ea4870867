/**
 * The exchange part of the API client: calls, applications and their documents, reviews,
 * allocation, nominations, the flows report and notifications. Files (documents, exports)
 * are streamed on as they come.
 */
import {
  allocationResult,
  application,
  applicationDocument,
  applicationSummary,
  call,
  flows,
  nomination,
  notification,
  page,
  waitlistEntry,
  type AllocationResult,
  type Application,
  type ApplicationUpdate,
  type Call,
  type CallCreate,
  type CallUpdate,
  type DocumentType,
  type Nomination,
  type Notification,
  type Page,
} from '@exchange/shared';
import { parseProblem, type ApiContext } from './api.js';
import { clientAddressHeaders, sharedSecret } from './client-signature.js';
import { config } from './config.js';
import type { RequestFn } from './events-api.js';

const id = (value: string) => encodeURIComponent(value);

export type ApplicationSummary = ReturnType<typeof applicationSummary.parse>;
export type ApplicationPage = Page<ApplicationSummary> & { counts: Record<string, number> };
export type WaitlistEntry = ReturnType<typeof waitlistEntry.parse>;
export type Flows = ReturnType<typeof flows.parse>;
export type UploadedDocument = ReturnType<typeof applicationDocument.parse>;
export type BulkResult = { id: string; status: number; code?: string | undefined };

type Schema<T> = { safeParse(data: unknown): { success: true; data: T } | { success: false; error: unknown } };

/** A checked answer plus extra fields the schema of the page does not know. */
function withExtra<T, E>(schema: Schema<T>, extra: (data: Record<string, unknown>) => E | undefined): Schema<T & E> {
  return {
    safeParse(data: unknown) {
      const parsed = schema.safeParse(data);
      if (!parsed.success) return parsed;
      const more = extra((data ?? {}) as Record<string, unknown>);
      return more === undefined ? { success: false as const, error: 'extra fields' } : { success: true as const, data: { ...parsed.data, ...more } };
    },
  };
}

const isCounts = (value: unknown): value is Record<string, number> =>
  typeof value === 'object' && value !== null && Object.values(value).every((count) => typeof count === 'number');

const applicationPage = withExtra(page(applicationSummary), (data) => (isCounts(data.counts) ? { counts: data.counts } : undefined));
const notificationPage = withExtra(page(notification), (data) => (typeof data.unread === 'number' ? { unread: data.unread } : undefined));
const confirmed = withExtra(allocationResult, (data) =>
  Array.isArray(data.nominationIds) ? { nominationIds: data.nominationIds.map(String) } : undefined,
);
const bulk: Schema<{ results: BulkResult[] }> = {
  safeParse(data: unknown) {
    const results = (data as { results?: unknown } | null)?.results;
    if (!Array.isArray(results)) return { success: false as const, error: 'results' };
    return {
      success: true as const,
      data: {
        results: results.map((entry: { id?: unknown; status?: unknown; code?: unknown }) => ({
          id: String(entry.id),
          status: Number(entry.status),
          ...(typeof entry.code === 'string' && { code: entry.code }),
        })),
      },
    };
  },
};
const waitlistItems: Schema<{ items: WaitlistEntry[] }> = {
  safeParse(data: unknown) {
    const items = (data as { items?: unknown } | null)?.items;
    if (!Array.isArray(items)) return { success: false as const, error: 'items' };
    const parsed = items.map((item) => waitlistEntry.safeParse(item));
    if (parsed.some((entry) => !entry.success)) return { success: false as const, error: 'items' };
    return { success: true as const, data: { items: parsed.map((entry) => entry.data!) } };
  },
};

type Query = Record<string, string | number | undefined>;

export function createExchangeApi(request: RequestFn, context: ApiContext) {
  async function headers(): Promise<Record<string, string>> {
    const result: Record<string, string> = { ...clientAddressHeaders(context.clientAddress, await sharedSecret()) };
    if (context.token) result.authorization = `Bearer ${context.token}`;
    return result;
  }

  async function failure(response: Response): Promise<never> {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    throw parseProblem(response.status, body);
  }

  /** A file from the API; problems become `ApiError`. */
  async function file(path: string, query: Query = {}): Promise<Response> {
    const url = new URL(`${config().apiUrl}/api/v1${path}`);
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    const response = await (context.fetch ?? fetch)(url, { headers: await headers(), signal: AbortSignal.timeout(60_000) });
    if (!response.ok) await failure(response);
    return response;
  }

  /** Sends a document as multipart: the type first, then the file. */
  async function upload(applicationId: string, type: DocumentType, document: File): Promise<UploadedDocument> {
    const form = new FormData();
    form.append('type', type);
    form.append('file', document, document.name);
    const response = await (context.fetch ?? fetch)(new URL(`${config().apiUrl}/api/v1/applications/${id(applicationId)}/documents`), {
      method: 'POST',
      headers: await headers(),
      body: form,
      signal: AbortSignal.timeout(60_000),
    });
    if (!response.ok) await failure(response);
    return applicationDocument.parse(await response.json()) as UploadedDocument;
  }

  return {
    calls: (query: { status?: string; open?: 'true' | 'false'; academicYear?: string; limit?: number; offset?: number } = {}): Promise<Page<Call>> =>
      request('GET', '/calls', { query, schema: page(call) }),
    call: (callId: string): Promise<Call> => request('GET', `/calls/${id(callId)}`, { schema: call }),
    createCall: (body: CallCreate): Promise<Call> => request('POST', '/calls', { body, schema: call }),
    updateCall: (callId: string, body: CallUpdate): Promise<Call> => request('PATCH', `/calls/${id(callId)}`, { body, schema: call }),

    applications: (query: Query = {}): Promise<ApplicationPage> => request('GET', '/applications', { query, schema: applicationPage }),
    application: (applicationId: string): Promise<Application> => request('GET', `/applications/${id(applicationId)}`, { schema: application }),
    startApplication: (callId: string): Promise<Application> => request('POST', '/applications', { body: { callId }, schema: application }),
    updateApplication: (applicationId: string, body: ApplicationUpdate): Promise<Application> =>
      request('PATCH', `/applications/${id(applicationId)}`, { body, schema: application }),
    uploadDocument: upload,
    removeDocument: (applicationId: string, documentId: string): Promise<void> =>
      request('DELETE', `/applications/${id(applicationId)}/documents/${id(documentId)}`),
    document: (applicationId: string, documentId: string) => file(`/applications/${id(applicationId)}/documents/${id(documentId)}`),
    submit: (applicationId: string): Promise<Application> => request('POST', `/applications/${id(applicationId)}/submit`, { schema: application }),
    withdraw: (applicationId: string): Promise<Application> => request('POST', `/applications/${id(applicationId)}/withdraw`, { schema: application }),
    review: (applicationId: string, body: { score: number; eligible: boolean; comment: string }): Promise<Application> =>
      request('POST', `/applications/${id(applicationId)}/review`, { body, schema: application }),
    exportApplications: (format: 'csv' | 'xlsx', query: Query) => file(`/applications/export.${format}`, query),

    allocate: (callId: string): Promise<AllocationResult> => request('POST', `/calls/${id(callId)}/allocation`, { schema: allocationResult }),
    confirmAllocation: (callId: string, fingerprint: string): Promise<AllocationResult & { nominationIds: string[] }> =>
      request('POST', `/calls/${id(callId)}/allocation/confirm`, { body: { fingerprint }, schema: confirmed }),
    waitlist: (callId: string, quotaId?: string): Promise<WaitlistEntry[]> =>
      request('GET', `/calls/${id(callId)}/waitlist`, { query: { quotaId }, schema: waitlistItems }).then((answer) => answer.items),

    nominations: (query: Query = {}): Promise<Page<Nomination>> => request('GET', '/nominations', { query, schema: page(nomination) }),
    nomination: (nominationId: string): Promise<Nomination> => request('GET', `/nominations/${id(nominationId)}`, { schema: nomination }),
    nominate: (applicationId: string, quotaId: string): Promise<Nomination> =>
      request('POST', '/nominations', { body: { applicationId, quotaId }, schema: nomination }),
    approve: (nominationId: string, proposalId: string): Promise<Nomination> =>
      request('POST', `/nominations/${id(nominationId)}/approve`, { body: { proposalId }, schema: nomination }),
    undoApproval: (nominationId: string, proposalId: string): Promise<Nomination> =>
      request('POST', `/nominations/${id(nominationId)}/undo-approval`, { body: { proposalId }, schema: nomination }),
    approveMany: (items: { id: string; proposalId: string }[]): Promise<BulkResult[]> =>
      request('POST', '/nominations/approve', { body: { items }, schema: bulk }).then((answer) => answer.results),
    reject: (nominationId: string, proposalId: string, comment: string): Promise<Nomination> =>
      request('POST', `/nominations/${id(nominationId)}/reject`, { body: { proposalId, comment }, schema: nomination }),
    cancelNomination: (nominationId: string): Promise<Nomination> => request('POST', `/nominations/${id(nominationId)}/cancel`, { schema: nomination }),
    noteNomination: (nominationId: string, note: string | null): Promise<Nomination> =>
      request('PATCH', `/nominations/${id(nominationId)}`, { body: { note }, schema: nomination }),
    nominationDocument: (nominationId: string, documentId: string) => file(`/nominations/${id(nominationId)}/documents/${id(documentId)}`),
    exportNominations: (format: 'csv' | 'xlsx', query: Query) => file(`/nominations/export.${format}`, query),

    flows: (academicYear: string): Promise<Flows> => request('GET', '/reports/flows', { query: { academicYear }, schema: flows }),

    notifications: (query: { unread?: 'true'; limit?: number; offset?: number } = {}): Promise<Page<Notification> & { unread: number }> =>
      request('GET', '/notifications', { query, schema: notificationPage }),
    readNotification: (notificationId: string): Promise<void> => request('POST', `/notifications/${id(notificationId)}/read`),
  };
}

export type ExchangeApi = ReturnType<typeof createExchangeApi>;
