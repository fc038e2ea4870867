import { isLocale } from '@exchange/shared';
import { error } from '@sveltejs/kit';
import { ApiError } from './api.js';

/** Passes a file answer of the API on to the browser, keeping its type and name. */
export async function passOn(load: () => Promise<Response>, cacheControl = 'no-store'): Promise<Response> {
  try {
    const answer = await load();
    const headers = new Headers({
      'content-type': answer.headers.get('content-type') ?? 'application/octet-stream',
      'cache-control': cacheControl,
    });
    const disposition = answer.headers.get('content-disposition');
    if (disposition) headers.set('content-disposition', disposition);
    return new Response(await answer.arrayBuffer(), { status: 200, headers });
  } catch (cause) {
    if (cause instanceof ApiError) {
      if (cause.status === 404 || cause.status === 400 || cause.status === 403) error(404, { message: 'not_found' });
      if (cause.status === 401) error(401, { message: 'forbidden' });
    }
    throw cause;
  }
}

/** The language of a calendar: `?lang=`, else the page language. */
export const calendarLang = (url: URL, fallback: string) => {
  const lang = url.searchParams.get('lang');
  return isLocale(lang) ? lang : fallback;
};
