/**
 * The events part of the API client: cultural centres, events, registrations, check-in,
 * calendar feeds and attendance. Files (exports, calendars) are passed through as they are.
 */
import {
  attendance,
  calendarFeed,
  centre,
  event,
  myRegistration,
  page,
  registrant,
  registration,
  registrationPage,
  type Attendance,
  type Centre,
  type CentreCreate,
  type Event,
  type EventCreate,
  type EventListQuery,
  type EventUpdate,
  type MyRegistration,
  type Page,
  type Registrant,
  type Registration,
  type RegistrationPage,
} from '@exchange/shared';
import { parseProblem, type ApiContext } from './api.js';
import { clientAddressHeaders, sharedSecret } from './client-signature.js';
import { config } from './config.js';

type Schema<T> = { safeParse(data: unknown): { success: true; data: T } | { success: false; error: unknown } };
export type RequestFn = <T>(
  method: string,
  path: string,
  options?: { body?: unknown; query?: Record<string, string | number | undefined>; schema?: Schema<T> },
) => Promise<T>;

export type CheckedIn = Registrant & { alreadyCheckedIn: boolean };
const checkedIn: Schema<CheckedIn> = {
  safeParse: (data: unknown) => {
    const parsed = registrant.safeParse(data);
    const flag = (data as { alreadyCheckedIn?: unknown } | null)?.alreadyCheckedIn;
    return parsed.success && typeof flag === 'boolean'
      ? { success: true as const, data: { ...parsed.data, alreadyCheckedIn: flag } }
      : { success: false as const, error: parsed.success ? 'alreadyCheckedIn' : parsed.error };
  },
};

const id = (value: string) => encodeURIComponent(value);

export function createEventsApi(request: RequestFn, context: ApiContext) {
  /** A file from the API (CSV, XLSX, iCalendar), streamed on; problems become `ApiError`. */
  async function file(path: string, query: Record<string, string | undefined> = {}): Promise<Response> {
    const url = new URL(`${config().apiUrl}/api/v1${path}`);
    for (const [key, value] of Object.entries(query)) if (value) url.searchParams.set(key, value);
    const headers: Record<string, string> = { ...clientAddressHeaders(context.clientAddress, await sharedSecret()) };
    if (context.token) headers.authorization = `Bearer ${context.token}`;
    const response = await (context.fetch ?? fetch)(url, { headers, signal: AbortSignal.timeout(30_000) });
    if (!response.ok) {
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = undefined;
      }
      throw parseProblem(response.status, body);
    }
    return response;
  }

  return {
    centres: (): Promise<Page<Centre>> => request('GET', '/centres', { schema: page(centre) }),
    createCentre: (body: CentreCreate): Promise<Centre> => request('POST', '/centres', { body, schema: centre }),
    list: (query: EventListQuery = {}): Promise<Page<Event>> =>
      request('GET', '/events', { query: query as Record<string, string | number | undefined>, schema: page(event) }),
    get: (eventId: string): Promise<Event> => request('GET', `/events/${id(eventId)}`, { schema: event }),
    create: (body: EventCreate): Promise<Event> => request('POST', '/events', { body, schema: event }),
    update: (eventId: string, body: EventUpdate): Promise<Event> => request('PATCH', `/events/${id(eventId)}`, { body, schema: event }),
    publish: (eventId: string): Promise<Event> => request('POST', `/events/${id(eventId)}/publish`, { schema: event }),
    cancel: (eventId: string): Promise<Event> => request('POST', `/events/${id(eventId)}/cancel`, { schema: event }),

    register: (eventId: string): Promise<Registration> => request('POST', `/events/${id(eventId)}/registrations`, { schema: registration }),
    mine: (eventId: string): Promise<Registration> => request('GET', `/events/${id(eventId)}/registrations/me`, { schema: registration }),
    unregister: (eventId: string): Promise<void> => request('DELETE', `/events/${id(eventId)}/registrations/me`),
    myRegistrations: (): Promise<MyRegistration[]> =>
      request('GET', '/me/registrations', { schema: page(myRegistration).pick({ items: true }) }).then((answer) => answer.items),

    registrants: (eventId: string, query: { q?: string; status?: string; limit?: number; offset?: number } = {}): Promise<RegistrationPage> =>
      request('GET', `/events/${id(eventId)}/registrations`, { query, schema: registrationPage }),
    checkIn: (eventId: string, registrationId: string): Promise<CheckedIn> =>
      request('POST', `/events/${id(eventId)}/registrations/${id(registrationId)}/check-in`, { schema: checkedIn }),
    checkInByCode: (eventId: string, code: string): Promise<CheckedIn> =>
      request('POST', `/events/${id(eventId)}/check-in`, { body: { code }, schema: checkedIn }),

    attendance: (centreId: string, from?: string, to?: string): Promise<Attendance> =>
      request('GET', `/centres/${id(centreId)}/attendance`, { query: { from, to }, schema: attendance }),
    calendarFeed: (rotate = false): Promise<{ token: string; path: string }> =>
      request('POST', '/me/calendar-feed', { body: { rotate }, schema: calendarFeed }),

    exportFile: (eventId: string, format: 'csv' | 'xlsx', lang: string) => file(`/events/${id(eventId)}/registrations.${format}`, { lang }),
    eventCalendar: (eventId: string, lang: string) => file(`/events/${id(eventId)}/calendar.ics`, { lang }),
    centreCalendar: (centreId: string, lang: string) => file(`/centres/${id(centreId)}/events.ics`, { lang }),
    personalCalendar: (token: string, lang: string) => file(`/calendar-feeds/${id(token)}/events.ics`, { lang }),
  };
}

export type EventsApi = ReturnType<typeof createEventsApi>;
