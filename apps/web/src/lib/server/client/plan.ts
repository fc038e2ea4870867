/** The agreement's own fields, its signed PDF and its plan of measures. */
import {
  agreement,
  agreementDocument,
  planEvidence,
  planItem,
  planItemDetail,
  planItemHistory,
  planItemList,
  planProgress,
  type Agreement,
  type AgreementDocument,
  type AgreementUpdate,
  type Locale,
  type PlanEvidence,
  type PlanItem,
  type PlanItemCreate,
  type PlanItemDetail,
  type PlanItemHistoryEntry,
  type PlanItemUpdate,
  type PlanProgress,
} from '@exchange/shared';
import { segment as id, type Transport } from './transport.js';

export function createPlanApi({ request, upload, file }: Transport) {
  const planPath = (agreementId: string) => `/agreements/${id(agreementId)}/plan`;
  const itemPath = (agreementId: string, itemId: string) => `${planPath(agreementId)}/${id(itemId)}`;
  const withFile = (document: File) => {
    const form = new FormData();
    form.append('file', document, document.name);
    return form;
  };
  return {
    updateAgreement: (agreementId: string, body: AgreementUpdate): Promise<Agreement> =>
      request('PATCH', `/agreements/${id(agreementId)}`, { body, schema: agreement }),
    uploadDocument: (agreementId: string, document: File): Promise<AgreementDocument> =>
      upload(`/agreements/${id(agreementId)}/document`, withFile(document), agreementDocument),
    document: (agreementId: string) => file(`/agreements/${id(agreementId)}/document`),
    add: (agreementId: string, body: PlanItemCreate): Promise<PlanItem> => request('POST', planPath(agreementId), { body, schema: planItem }),
    update: (agreementId: string, itemId: string, body: PlanItemUpdate): Promise<PlanItem> =>
      request('PATCH', itemPath(agreementId, itemId), { body, schema: planItem }),
    remove: (agreementId: string, itemId: string) => request('DELETE', itemPath(agreementId, itemId)),
    reorder: (agreementId: string, itemIds: string[]): Promise<PlanItem[]> =>
      request('PUT', `${planPath(agreementId)}/order`, { body: { itemIds }, schema: planItemList }).then((answer) => answer.items),
    item: (agreementId: string, itemId: string): Promise<PlanItemDetail> => request('GET', itemPath(agreementId, itemId), { schema: planItemDetail }),
    history: (agreementId: string, itemId: string): Promise<PlanItemHistoryEntry[]> =>
      request('GET', `${itemPath(agreementId, itemId)}/history`, { schema: planItemHistory }).then((answer) => answer.items),
    progress: (agreementId: string): Promise<PlanProgress> => request('GET', `${planPath(agreementId)}/progress`, { schema: planProgress }),
    uploadEvidence: (agreementId: string, itemId: string, document: File): Promise<PlanEvidence> =>
      upload(`${itemPath(agreementId, itemId)}/evidence`, withFile(document), planEvidence),
    evidence: (agreementId: string, itemId: string, evidenceId: string) => file(`${itemPath(agreementId, itemId)}/evidence/${id(evidenceId)}`),
    removeEvidence: (agreementId: string, itemId: string, evidenceId: string) =>
      request('DELETE', `${itemPath(agreementId, itemId)}/evidence/${id(evidenceId)}`),
    report: (agreementId: string, format: 'xlsx' | 'pdf', lang: Locale) => file(`${planPath(agreementId)}/export.${format}`, { lang }),
  };
}
