import { canDecideNomination, canReviewApplication, type User } from '@exchange/shared';

/**
 * How the home page names an office's queues: as work to do for those who may act on them
 * (coordinators review and decide), as lists to follow for read-only reviewers, and as the
 * whole agreement's pending decisions for administrators.
 */
export type QueueWording = { applications: 'to_review' | 'awaiting_review'; incoming: 'to_decide' | 'awaiting_decision' | 'all_pending' };

export function queueWording(user: Pick<User, 'id' | 'role' | 'institutionId'>): QueueWording {
  const home = user.institutionId ?? '';
  return {
    applications: canReviewApplication(user, { homeInstitutionId: home }) ? 'to_review' : 'awaiting_review',
    incoming: user.role === 'admin' ? 'all_pending' : canDecideNomination(user, { receivingInstitutionId: home }) ? 'to_decide' : 'awaiting_decision',
  };
}
