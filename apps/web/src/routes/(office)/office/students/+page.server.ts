import type { Institution } from '@exchange/shared';
import { fail } from '@sveltejs/kit';
import { ApiError } from '$lib/server/api';
import { pageError, requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const pageSize = 20;

export const load: PageServerLoad = async (event) => {
  requireRole(event, ['coordinator', 'admin']);
  const raw = Number(event.url.searchParams.get('offset') ?? 0);
  const offset = Number.isInteger(raw) && raw >= 0 ? raw : 0;
  try {
    const [students, institutions] = await Promise.all([
      event.locals.api.users({ status: 'pending', role: 'student', limit: pageSize, offset }),
      event.locals.api.institutions().then((answer) => answer.items),
    ]);
    return { students, institutions: institutions as Institution[] };
  } catch (cause) {
    pageError(cause, event);
  }
};

async function decide(event: Parameters<Actions[string]>[0], status: 'active' | 'disabled') {
  requireRole(event, ['coordinator', 'admin']);
  const form = await event.request.formData();
  const id = String(form.get('id') ?? '');
  const name = String(form.get('name') ?? '').slice(0, 200);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return fail(400, { problem: 'validation_failed', name, done: null });
  try {
    const updated = await event.locals.api.updateUser(id, { status });
    return { done: status === 'active' ? ('verified' as const) : ('disabled' as const), name: updated.fullName, problem: null };
  } catch (cause) {
    if (!(cause instanceof ApiError)) throw cause;
    const problem = cause.status === 404 ? 'not_found' : cause.status === 403 ? 'forbidden' : cause.status >= 500 ? 'unavailable' : 'unexpected';
    return fail(cause.status >= 500 ? 503 : cause.status, { problem, name, done: null });
  }
}

export const actions: Actions = {
  verify: (event) => decide(event, 'active'),
  disable: (event) => decide(event, 'disabled'),
};
