/** The learning agreement of a mobility: read it, write the draft, propose, sign or send back, and the signed PDF. */
import { learningAgreement, type LearningAgreement, type LearningAgreementDraftUpdate, type Locale } from '@exchange/shared';
import { segment as id, type Transport } from './transport.js';

export function createLearningAgreementsApi({ request, file }: Transport) {
  const path = (mobilityId: string, action = '') => `/mobilities/${id(mobilityId)}/learning-agreement${action}`;
  return {
    learningAgreement: (mobilityId: string): Promise<LearningAgreement> => request('GET', path(mobilityId), { schema: learningAgreement }),
    /** The student's draft: the first version, or a change to the one in force (added and removed components marked, with reasons). */
    saveDraft: (mobilityId: string, draft: LearningAgreementDraftUpdate): Promise<LearningAgreement> =>
      request('PUT', path(mobilityId, '/draft'), { body: draft, schema: learningAgreement }),
    /** The student signs the saved draft as last read (`draftUpdatedAt`; a draft changed since answers 409 `stale_draft`) and sends it to the sending office. */
    propose: (mobilityId: string, draftUpdatedAt?: string): Promise<LearningAgreement> =>
      request('POST', path(mobilityId, '/propose'), { body: draftUpdatedAt ? { draftUpdatedAt } : {}, schema: learningAgreement }),
    /** An office signs the proposal the page showed; another one answers 409 `stale_proposal`. */
    approve: (mobilityId: string, proposalId: string): Promise<LearningAgreement> =>
      request('POST', path(mobilityId, '/approve'), { body: { proposalId }, schema: learningAgreement }),
    /** An office sends the proposal back to the student with a comment. */
    sendBack: (mobilityId: string, proposalId: string, comment: string, locale?: Locale): Promise<LearningAgreement> =>
      request('POST', path(mobilityId, '/comment'), { body: { proposalId, comment, locale }, schema: learningAgreement }),
    /** The signed version in force as a PDF in `locale`. */
    pdf: (mobilityId: string, locale: Locale) => file(path(mobilityId, '.pdf'), { locale }),
  };
}
