/** Labels and tones of event and registration statuses (apart from lib/events, which pages use for times alone). */
import type { EventStatus, RegistrationStatus } from '@exchange/shared';
import { m } from '$lib/paraglide/messages.js';

export const eventStatusLabel: Record<EventStatus, () => string> = {
  draft: m.event_status_draft,
  published: m.event_status_published,
  cancelled: m.event_status_cancelled,
};

export const eventStatusTone: Record<EventStatus, 'ok' | 'warn' | 'neutral' | 'danger'> = {
  draft: 'neutral',
  published: 'ok',
  cancelled: 'danger',
};

export const registrationStatusLabel: Record<RegistrationStatus, () => string> = {
  confirmed: m.registration_status_confirmed,
  waitlisted: m.registration_status_waitlisted,
  cancelled: m.registration_status_cancelled,
};
