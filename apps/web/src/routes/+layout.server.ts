import type { LayoutServerLoad } from './$types';

/** The signed-in user, the page language, and the unread notifications for the header's bell. */
export const load: LayoutServerLoad = async ({ locals, depends }) => {
  depends('app:notifications');
  let unread = 0;
  if (locals.user) {
    try {
      unread = (await locals.api.exchange.notifications({ unread: 'true', limit: 1 })).unread;
    } catch {
      // The bell stays quiet when the API cannot answer; the page itself reports the problem.
    }
  }
  return { user: locals.user, locale: locals.locale, unread };
};
