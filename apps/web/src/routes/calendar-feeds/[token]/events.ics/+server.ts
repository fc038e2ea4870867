import { error } from '@sveltejs/kit';
import { calendarLang, passOn } from '$lib/server/files';
import type { RequestHandler } from './$types';

/** A person's feed, for calendar apps: the unguessable token is the only key. */
export const GET: RequestHandler = ({ locals, params, url }) => {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(params.token)) error(404, { message: 'not_found' });
  return passOn(() => locals.api.events.personalCalendar(params.token, calendarLang(url, locals.locale)));
};
