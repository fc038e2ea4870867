/** The events API's problem codes in the page language (apart from lib/events, for the same reason as exchange/problems). */
import { m } from '@exchange/texts/messages';
import { problemMessage } from '$lib/problems';

const eventProblems: Record<string, () => string> = {
  registration_closed: m.event_error_registration_closed,
  registration_not_open: m.event_error_registration_not_open,
  event_cancelled: m.event_error_cancelled,
  event_full: m.event_error_full,
  event_not_published: m.event_error_not_published,
  not_in_audience: m.event_error_not_in_audience,
  capacity_below_confirmed: m.event_error_capacity_below_confirmed,
  already_checked_in: m.event_error_already_checked_in,
  invalid_check_in_code: m.event_error_invalid_code,
  registration_waitlisted: m.event_error_checkin_waitlisted,
  registration_cancelled: m.event_error_checkin_cancelled,
  centre_not_found: m.event_error_centre_not_found,
};

export const eventProblemMessage = (code: string) => (eventProblems[code] ?? (() => problemMessage(code)))();
