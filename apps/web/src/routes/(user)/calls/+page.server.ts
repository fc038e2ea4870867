import { pageError, requireUser } from '$lib/server/guards';
import { institutionsOf } from '$lib/server/exchange';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const api = event.locals.api.exchange;
  try {
    const [calls, institutions, applications] = await Promise.all([
      api.calls({ limit: 100 }),
      institutionsOf(event.locals.api),
      user.role === 'student' ? api.applications({ limit: 100 }).then((answer) => answer.items) : Promise.resolve([]),
    ]);
    return { calls: calls.items, institutions, applications, now: new Date().toISOString() };
  } catch (cause) {
    pageError(cause, event);
  }
};
