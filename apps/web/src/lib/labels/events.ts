/** Labels and tones of event and registration statuses (apart from lib/events, which pages use for times alone). */
import type { EventStatus } from '@exchange/shared';

export { eventStatusLabel, registrationStatusLabel } from '@exchange/shared';

export const eventStatusTone: Record<EventStatus, 'ok' | 'warn' | 'neutral' | 'danger'> = {
  draft: 'neutral',
  published: 'ok',
  cancelled: 'danger',
};
