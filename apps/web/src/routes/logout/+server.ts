import { redirect } from '@sveltejs/kit';
import { sessionCookie, sessionCookieDeleteOptions } from '$lib/server/session';
import type { RequestHandler } from './$types';

/** Signs out: the API revokes the token, the browser forgets the cookie. */
export const POST: RequestHandler = async ({ locals, cookies, url }) => {
  if (cookies.get(sessionCookie)) {
    try {
      await locals.api.logout();
    } catch {
      // Already dead or the API is away: forgetting the cookie still signs the browser out.
    }
    cookies.delete(sessionCookie, sessionCookieDeleteOptions(url));
  }
  redirect(303, '/');
};
