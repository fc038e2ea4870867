/**
 * Where a mobility stands, as the offices name it: derived from its status, whether the host
 * has admitted the student (the planned dates are set at admission) and which steps are open.
 */
import type { MobilityStatus } from '@exchange/shared';

export const mobilityStages = ['awaiting_admission', 'admitted', 'visa', 'arrived', 'registered', 'departed', 'cancelled'] as const;
export type MobilityStage = (typeof mobilityStages)[number];

/** The steps whose completion moves the stage on: the visa before the border, the registration after it. */
const visaSteps = ['visa'];
const registrationSteps = ['police-registration', 'migration-registration'];

export function stageOf(mobility: { status: MobilityStatus; plannedStart: string | null; openSteps: readonly string[] }): MobilityStage {
  if (mobility.status === 'cancelled') return 'cancelled';
  if (mobility.status === 'returned' || mobility.status === 'recognised') return 'departed';
  if (mobility.status === 'abroad') return mobility.openSteps.some((key) => registrationSteps.includes(key)) ? 'arrived' : 'registered';
  if (!mobility.plannedStart) return 'awaiting_admission';
  return mobility.openSteps.some((key) => visaSteps.includes(key)) ? 'visa' : 'admitted';
}

/** The open step keys of a full mobility, to feed `stageOf` from the checklist. */
export const openStepsOf = (checklist: readonly { key: string; status: string }[]) =>
  checklist.filter((item) => item.status === 'open').map((item) => item.key);
