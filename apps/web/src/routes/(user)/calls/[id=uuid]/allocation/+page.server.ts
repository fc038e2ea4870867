import { canManageOutgoing } from '@exchange/shared';
import { error, fail } from '@sveltejs/kit';
import { exchangeProblem } from '$lib/exchange/problems';
import { ApiError } from '$lib/server/api';
import { failure, institutionsOf, isId } from '$lib/server/exchange';
import { pageError, requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['coordinator']);
  const api = event.locals.api.exchange;
  try {
    const [call, institutions] = await Promise.all([api.call(event.params.id), institutionsOf(event.locals.api)]);
    if (!canManageOutgoing(user, call.institutionId)) error(404, { message: 'not_found' });
    const closed = new Date(call.closesAt) <= new Date();
    // The waiting list of every line, for offering a seat that frees up.
    const waitlists = closed
      ? await Promise.all(call.quotas.map(async (quota) => ({ quotaId: quota.id, entries: await api.waitlist(call.id, quota.id) })))
      : [];
    return { call, institutions, closed, waitlists };
  } catch (cause) {
    pageError(cause, event);
  }
};

export const actions: Actions = {
  dryRun: async (event) => {
    requireRole(event, ['coordinator']);
    try {
      return { result: await event.locals.api.exchange.allocate(event.params.id) };
    } catch (cause) {
      return failure(cause);
    }
  },
  confirm: async (event) => {
    requireRole(event, ['coordinator']);
    const fingerprint = String((await event.request.formData()).get('fingerprint') ?? '');
    if (!fingerprint) return fail(400, { problem: 'validation_failed', problemText: exchangeProblem('validation_failed') });
    try {
      const confirmed = await event.locals.api.exchange.confirmAllocation(event.params.id, fingerprint);
      return { confirmed: confirmed.nominationIds.length };
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'allocation_stale') {
        // Show the new proposal straight away, with the reason it changed.
        const result = await event.locals.api.exchange.allocate(event.params.id).catch(() => null);
        return fail(409, { problem: cause.code, problemText: exchangeProblem(cause.code), result });
      }
      return failure(cause);
    }
  },
  nominate: async (event) => {
    requireRole(event, ['coordinator']);
    const form = await event.request.formData();
    const applicationId = form.get('applicationId');
    const quotaId = form.get('quotaId');
    if (!isId(applicationId) || !isId(quotaId)) return fail(400, { problem: 'validation_failed', problemText: exchangeProblem('validation_failed') });
    try {
      const nomination = await event.locals.api.exchange.nominate(applicationId, quotaId);
      return { nominated: nomination.student.fullName };
    } catch (cause) {
      return failure(cause);
    }
  },
};
