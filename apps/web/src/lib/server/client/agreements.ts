/** The agreement and its quota lines. */
import { agreement, page, quota, quotaList, type Agreement, type Page, type Quota, type QuotaCreate, type QuotaUpdate } from '@exchange/shared';
import { segment, type Transport } from './transport.js';

const agreementPage = page(agreement);

export function createAgreementsApi({ request }: Transport) {
  return {
    agreements: (query: { limit?: number; offset?: number; endingWithinDays?: number } = {}): Promise<Page<Agreement>> =>
      request('GET', '/agreements', { query, schema: agreementPage }),
    agreement: (id: string): Promise<Agreement> => request('GET', `/agreements/${segment(id)}`, { schema: agreement }),
    quotas: (agreementId: string, academicYear?: string): Promise<Quota[]> =>
      request('GET', `/agreements/${segment(agreementId)}/quotas`, { query: { academicYear }, schema: quotaList }).then((answer) => answer.items),
    createQuota: (body: QuotaCreate): Promise<Quota> => request('POST', '/quotas', { body, schema: quota }),
    updateQuota: (id: string, body: QuotaUpdate): Promise<Quota> => request('PATCH', `/quotas/${segment(id)}`, { body, schema: quota }),
  };
}
