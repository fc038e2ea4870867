/** What other modules may use of the agreements: the service's type (quota lines and the plan check against it). */
export type { AgreementsService } from './agreements.service.js';
