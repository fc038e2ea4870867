/**
 * Cultural centres, events, registrations, check-in, calendar feeds and attendance. Files
 * (exports, calendars) are passed through as they are.
 */
import {
  attendance,
  calendarFeed,
  centre,
  checkedIn,
  event,
  myRegistrationList,
  page,
  registration,
  registrationPage,
  type Attendance,
  type CalendarFeed,
  type Centre,
  type CentreCreate,
  type CheckedIn,
  type Event,
  type EventCreate,
  type EventListQuery,
  type EventUpdate,
  type MyRegistration,
  type Page,
  type Registration,
  type RegistrationListQuery,
  type RegistrationPage,
} from '@exchange/shared';
import { segment as id, type Query, type Transport } from './transport.js';

const centrePage = page(centre);
const eventPage = page(event);

export function createEventsApi({ request, file }: Transport) {
  return {
    centres: (): Promise<Page<Centre>> => request('GET', '/centres', { schema: centrePage }),
    createCentre: (body: CentreCreate): Promise<Centre> => request('POST', '/centres', { body, schema: centre }),
    list: (query: EventListQuery = {}): Promise<Page<Event>> => request('GET', '/events', { query: query as Query, schema: eventPage }),
    get: (eventId: string): Promise<Event> => request('GET', `/events/${id(eventId)}`, { schema: event }),
    create: (body: EventCreate): Promise<Event> => request('POST', '/events', { body, schema: event }),
    update: (eventId: string, body: EventUpdate): Promise<Event> => request('PATCH', `/events/${id(eventId)}`, { body, schema: event }),
    publish: (eventId: string): Promise<Event> => request('POST', `/events/${id(eventId)}/publish`, { schema: event }),
    cancel: (eventId: string): Promise<Event> => request('POST', `/events/${id(eventId)}/cancel`, { schema: event }),

    register: (eventId: string): Promise<Registration> => request('POST', `/events/${id(eventId)}/registrations`, { schema: registration }),
    mine: (eventId: string): Promise<Registration> => request('GET', `/events/${id(eventId)}/registrations/me`, { schema: registration }),
    unregister: (eventId: string): Promise<void> => request('DELETE', `/events/${id(eventId)}/registrations/me`),
    myRegistrations: (): Promise<MyRegistration[]> => request('GET', '/me/registrations', { schema: myRegistrationList }).then((answer) => answer.items),

    registrants: (eventId: string, query: Partial<RegistrationListQuery> = {}): Promise<RegistrationPage> =>
      request('GET', `/events/${id(eventId)}/registrations`, { query, schema: registrationPage }),
    checkIn: (eventId: string, registrationId: string): Promise<CheckedIn> =>
      request('POST', `/events/${id(eventId)}/registrations/${id(registrationId)}/check-in`, { schema: checkedIn }),
    checkInByCode: (eventId: string, code: string): Promise<CheckedIn> =>
      request('POST', `/events/${id(eventId)}/check-in`, { body: { code }, schema: checkedIn }),

    attendance: (centreId: string, from?: string, to?: string): Promise<Attendance> =>
      request('GET', `/centres/${id(centreId)}/attendance`, { query: { from, to }, schema: attendance }),
    calendarFeed: (rotate = false): Promise<CalendarFeed> => request('POST', '/me/calendar-feed', { body: { rotate }, schema: calendarFeed }),

    exportFile: (eventId: string, format: 'csv' | 'xlsx', lang: string) => file(`/events/${id(eventId)}/registrations.${format}`, { lang }),
    eventCalendar: (eventId: string, lang: string) => file(`/events/${id(eventId)}/calendar.ics`, { lang }),
    centreCalendar: (centreId: string, lang: string) => file(`/centres/${id(centreId)}/events.ics`, { lang }),
    personalCalendar: (token: string, lang: string) => file(`/calendar-feeds/${id(token)}/events.ics`, { lang }),
  };
}
