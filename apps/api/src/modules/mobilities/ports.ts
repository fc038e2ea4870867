import type { Executor } from '@exchange/db';
import type { LearningAgreementSummary, Mobility } from '@exchange/shared';
import type { Who } from '../../lib/audit.js';
import type { JoinedMobility, MobilityRow } from './mobilities.repository.js';

/** What the mobility needs of its nomination: cancelling it frees the seat (the nominations service provides it). */
export type Nominations = {
  cancelInside(tx: Executor, who: Who, nominationId: string, reason: string): Promise<void>;
};

/** The admission letter (the letters module provides it). */
export type Letters = {
  issueAdmission(tx: Executor, who: Who, mobility: MobilityRow): Promise<unknown>;
  listFor(db: Executor, mobilityId: string): Promise<{ id: string; kind: 'admission'; code: string; issuedAt: string; revokedAt: string | null }[]>;
};

/** The steps before and after the border (the checklists module provides it). */
export type Checklist = {
  /** Copies the host's template onto the mobility, with the documents the host asked for. */
  onAdmitted(tx: Executor, loaded: JoinedMobility, requestedDocuments: string[]): Promise<void>;
  /** Dates the steps counted from the arrival. */
  onArrived(tx: Executor, loaded: JoinedMobility): Promise<void>;
  itemsFor(db: Executor, loaded: JoinedMobility, today: string): Promise<Mobility['checklist']>;
};

/** What the mobility shows of its learning agreement (the learning-agreements module provides it). */
export type LearningAgreements = {
  summaryFor(db: Executor, mobilityId: string): Promise<LearningAgreementSummary>;
};
