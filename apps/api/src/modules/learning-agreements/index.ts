/** What other modules may use of the learning agreements: the service's type (the mobility shows its summary). */
export type { LearningAgreementsService } from './learning-agreements.service.js';
