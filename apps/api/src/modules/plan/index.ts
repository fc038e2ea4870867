/** What other modules may use of the plan of measures: the service's type. */
export type { PlanService } from './plan.service.js';
