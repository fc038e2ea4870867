/** Mobilities (the student and both offices): the list, one mobility and the changes made to it. */
import {
  mobilityReport,
  type MobilityReport,
  mobility,
  mobilityList,
  type ChecklistItemStatus,
  type Mobility,
  type MobilityStatus,
  type MobilitySummary,
  type FundingSource,
  type Page,
} from '@exchange/shared';
import { segment as id, type Schema, type Transport } from './transport.js';

export type MobilityListQuery = {
  direction?: 'incoming' | 'outgoing';
  status?: MobilityStatus;
  academicYear?: string;
  limit?: number;
  offset?: number;
};
export type Admission = { plannedStart: string; plannedEnd: string; programme: string; requestedDocuments: string[] };
export type Departure = { date: string; interrupted: boolean; reason: string | null };
export type Funding = { source: FundingSource; monthlyAmount: number; currency: string };

/** The stored proof: the API answers with the document; the page only needs its id. */
const uploaded: Schema<{ id: string }> = {
  safeParse: (data) =>
    typeof data === 'object' && data !== null && typeof (data as { id?: unknown }).id === 'string'
      ? { success: true, data: { id: (data as { id: string }).id } }
      : { success: false, error: 'no document id' },
};

export function createMobilitiesApi({ request, upload, file }: Transport) {
  /** Every change carries the version the user saw (when the page had one), so a change made on a stale view is refused. */
  const act = (mobilityId: string, action: string, version: number | undefined, body: Record<string, unknown>): Promise<Mobility> =>
    request('POST', `/mobilities/${id(mobilityId)}/${action}`, { body: { version, ...body }, schema: mobility });
  return {
    mobilities: (query: MobilityListQuery = {}): Promise<Page<MobilitySummary>> => request('GET', '/mobilities', { query, schema: mobilityList }),
    mobility: (mobilityId: string): Promise<Mobility> => request('GET', `/mobilities/${id(mobilityId)}`, { schema: mobility }),
    report: (academicYear: string): Promise<MobilityReport> => request('GET', '/reports/mobilities', { query: { academicYear }, schema: mobilityReport }),
    admit: (mobilityId: string, version: number | undefined, admission: Admission) => act(mobilityId, 'admission', version, admission),
    arrive: (mobilityId: string, version: number | undefined, date: string) => act(mobilityId, 'arrival', version, { date }),
    depart: (mobilityId: string, version: number | undefined, departure: Departure) => act(mobilityId, 'departure', version, departure),
    cancelMobility: (mobilityId: string, version: number | undefined, reason: string) => act(mobilityId, 'cancel', version, { reason }),
    fund: (mobilityId: string, version: number | undefined, funding: Funding | null) => act(mobilityId, 'funding', version, { funding }),
    /** The owner side's step: done (with its proof) or waived with a reason. The page reloads the mobility after. */
    updateChecklistItem: (mobilityId: string, itemId: string, change: { status: ChecklistItemStatus; note: string | null; documentId?: string }) =>
      request('PATCH', `/mobilities/${id(mobilityId)}/checklist/${id(itemId)}`, { body: change }),
    /** A proof for a checklist step; the step is then marked done with the document's id. */
    uploadProof: (mobilityId: string, itemId: string, document: File): Promise<{ id: string }> => {
      const form = new FormData();
      form.append('itemId', itemId);
      form.append('file', document, document.name);
      return upload(`/mobilities/${id(mobilityId)}/documents`, form, uploaded);
    },
    letter: (mobilityId: string, letterId: string) => file(`/mobilities/${id(mobilityId)}/letters/${id(letterId)}.pdf`),
    mobilityDocument: (mobilityId: string, documentId: string) => file(`/mobilities/${id(mobilityId)}/documents/${id(documentId)}`),
  };
}
