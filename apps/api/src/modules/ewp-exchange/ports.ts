import type { LearningAgreementsService } from '../learning-agreements/index.js';

/**
 * The learning agreement's decisions (the learning-agreements module provides them): an
 * imported EWP update request signs or sends back a proposal by exactly the rules of the JSON routes.
 */
export type LearningAgreementDecisions = Pick<LearningAgreementsService, 'approve' | 'comment'>;
