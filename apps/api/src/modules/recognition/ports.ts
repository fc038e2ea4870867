import type { Executor } from '@exchange/db';
import type { RecognisedComponent, StudiedComponent } from '@exchange/shared';
import type { Who } from '../../lib/audit.js';

/** The learning agreement in force per mobility (the learning-agreements module provides it). */
export type LearningAgreementsInForce = {
  inForce(db: Executor, mobilityIds: string[]): Promise<Map<string, { studied: StudiedComponent[]; recognised: RecognisedComponent[] }>>;
};

/** The mobility turns `recognised` (the mobilities module's hooks provide it). */
export type MobilityRecognised = {
  recognised(tx: Executor, who: Who, mobilityId: string): Promise<void>;
};
