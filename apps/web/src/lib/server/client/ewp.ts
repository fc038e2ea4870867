/** Erasmus Without Paper documents, passed on as the API makes them (XML attachments). */
import { institution, type Institution } from '@exchange/shared';
import { segment as id, type Transport } from './transport.js';

export const mobilityEwpDocuments = ['omobility.xml', 'learning-agreement.xml', 'tor.xml'] as const;
export type MobilityEwpDocument = (typeof mobilityEwpDocuments)[number];

export function createEwpApi({ file, request }: Transport) {
  return {
    /** The nomination (Outgoing Mobilities v3), the learning agreement (OLA v1.2) or the transcript (ToR v3) of a mobility. */
    mobilityXml: (mobilityId: string, document: MobilityEwpDocument) => file(`/mobilities/${id(mobilityId)}/ewp/${document}`),
    /** The IIA v7 of one bilateral pair of the agreement's parties. */
    iiaXml: (agreementId: string, partners: [string, string]) => file(`/agreements/${id(agreementId)}/ewp/iia.xml`, { partners: partners.join(',') }),
    /** The administrator sets an institution's EWP id, its internet domain (null clears it). */
    setHeiId: (institutionId: string, heiId: string | null): Promise<Institution> =>
      request('PATCH', `/institutions/${id(institutionId)}`, { body: { heiId }, schema: institution }),
  };
}
