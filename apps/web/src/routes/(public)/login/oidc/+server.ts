import { error, redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/redirect';
import { ApiError } from '$lib/server/api';
import { rememberState } from '$lib/server/oidc-state';
import type { RequestHandler } from './$types';

/**
 * A sign-in page's institution button leads here: the API opens a sign-in, this browser keeps
 * its state, and goes on to the provider. A link rather than a form: the page's
 * Content-Security-Policy lets forms post only to this site, and a redirect after a post counts.
 */
export const GET: RequestHandler = async ({ locals, cookies, url }) => {
  const institutionId = url.searchParams.get('institution') ?? '';
  const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'));
  if (!/^[0-9a-f-]{36}$/i.test(institutionId)) redirect(303, '/login');
  let authorizationUrl: string;
  try {
    const started = await locals.api.ownAccount.startOidc(institutionId);
    rememberState(cookies, url, started.state, redirectTo);
    authorizationUrl = started.authorizationUrl;
  } catch (cause) {
    if (!(cause instanceof ApiError)) throw cause;
    if (cause.status === 404 || cause.status === 400) redirect(303, '/login');
    error(503, { message: 'unavailable' });
  }
  redirect(303, authorizationUrl);
};
