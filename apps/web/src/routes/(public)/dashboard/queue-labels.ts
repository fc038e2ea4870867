import { m } from '@exchange/texts/messages';
import type { QueueWording } from '$lib/exchange/dashboard-queues';

/** Administrators follow every pending nomination; coordinators decide on the ones sent to them; reviewers only follow. */
export const incomingLabel = (wording: QueueWording) =>
  ({ all_pending: m.dash_pending_nominations, to_decide: m.dash_incoming, awaiting_decision: m.dash_incoming_awaiting })[wording.incoming]();

export const reviewLabel = (wording: QueueWording) => (wording.applications === 'to_review' ? m.dash_to_review() : m.dash_awaiting_review());
