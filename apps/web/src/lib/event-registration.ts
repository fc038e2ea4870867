import { isInAudience, type Actor } from '@exchange/shared';

type RegistrableEvent = {
  status: string;
  startsAt: string;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  capacity: number;
  confirmedCount: number;
  waitlistEnabled: boolean;
  audience: { institutionIds: readonly string[] };
};

/** Why the event page offers no working register button, or null when it does (the API's own checks, in its order). */
export type RegistrationBlock = 'cancelled' | 'draft' | 'not_open' | 'closed' | 'sign_in' | 'not_in_audience' | 'full' | null;

export function registrationBlock(event: RegistrableEvent, user: Actor | null, now: number): RegistrationBlock {
  if (event.status === 'cancelled') return 'cancelled';
  if (event.status !== 'published') return 'draft';
  if (event.registrationOpensAt && now < Date.parse(event.registrationOpensAt)) return 'not_open';
  if (now >= Date.parse(event.registrationClosesAt ?? event.startsAt)) return 'closed';
  if (!user) return 'sign_in';
  if (!isInAudience(user, event.audience.institutionIds)) return 'not_in_audience';
  if (event.confirmedCount >= event.capacity && !event.waitlistEnabled) return 'full';
  return null;
}
