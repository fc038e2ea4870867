import { redirect } from '@sveltejs/kit';
import { sessionCookie } from '$lib/server/session';
import type { RequestHandler } from './$types';

/** Signs out: the API revokes the token, the browser forgets the cookie. */
export const POST: RequestHandler = async ({ locals, cookies }) => {
  if (cookies.get(sessionCookie)) {
    try {
      await locals.api.logout();
    } catch {
      // Already dead or the API is away: forgetting the cookie still signs the browser out.
    }
    cookies.delete(sessionCookie, { path: '/' });
  }
  redirect(303, '/');
};
