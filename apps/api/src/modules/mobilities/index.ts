/** What other modules may use of the mobilities module: the shapes of a mobility, and the ports it asks for. */
export type { JoinedMobility, MobilityRow } from './mobilities.repository.js';
export type { Checklist, LearningAgreements, Letters, Nominations } from './ports.js';
export type { MobilityHooks } from './mobility-hooks.js';
