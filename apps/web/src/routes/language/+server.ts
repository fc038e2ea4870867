import { isLocale } from '@exchange/shared';
import { redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/redirect';
import { localeCookie, localeCookieOptions } from '$lib/server/session';
import type { RequestHandler } from './$types';

/** The language switcher: remembers the choice, stores it on the profile, goes back. */
export const POST: RequestHandler = async ({ request, cookies, url, locals }) => {
  const form = await request.formData();
  const locale = form.get('locale');
  const back = safeRedirectPath(form.get('redirectTo'));
  if (isLocale(locale)) {
    cookies.set(localeCookie, locale, localeCookieOptions(url));
    if (locals.user && locals.user.locale !== locale) {
      try {
        await locals.api.updateMe({ locale });
      } catch {
        // The page language follows the cookie; the profile catches up on the next change.
      }
    }
  }
  redirect(303, back);
};
