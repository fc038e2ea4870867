import type { Role, User } from '@exchange/shared';
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { ApiError } from './api.js';

/** The signed-in user, or a trip to the sign-in page that comes back here afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): User {
  const user = event.locals.user;
  if (!user) {
    const back = event.url.pathname + event.url.search;
    redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

/** The signed-in user when their role is one of `roles`; others see 403. */
export function requireRole(event: Pick<RequestEvent, 'locals' | 'url'>, roles: readonly Role[]): User {
  const user = requireUser(event);
  if (!roles.includes(user.role)) error(403, { message: 'forbidden' });
  return user;
}

/** Turns an API failure met while loading a page into the page's answer. */
export function pageError(cause: unknown, event: Pick<RequestEvent, 'url'>): never {
  if (cause instanceof ApiError) {
    if (cause.status === 401) redirect(303, `/login?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`);
    if (cause.status === 404 || cause.status === 400 || cause.status === 422) error(404, { message: 'not_found' });
    if (cause.status === 403) error(403, { message: 'forbidden' });
  }
  throw cause;
}
