import { calendarLang, passOn } from '$lib/server/files';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params, url }) => passOn(() => locals.api.events.eventCalendar(params.id, calendarLang(url, locals.locale)));
