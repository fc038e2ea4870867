import { mobilityStatuses, type MobilityStatus } from '@exchange/shared';
import { fail, redirect } from '@sveltejs/kit';
import { academicYearsAround } from '$lib/exchange/flows';
import { exchangeProblem } from '$lib/exchange/problems';
import { listParams } from '$lib/exchange/list-links';
import { isLocalDate, picked } from '$lib/mobility/forms';
import { ApiError } from '$lib/server/api';
import { institutionsOf, isId } from '$lib/server/exchange';
import { pageError, requireRole, requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const pageSize = 20;

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const api = event.locals.api.mobilities;
  try {
    if (user.role === 'student') {
      const [list, institutions] = await Promise.all([api.mobilities({ limit: pageSize }), institutionsOf(event.locals.api)]);
      // One mobility is the usual case: the student goes straight to it.
      if (list.total === 1 && list.items[0]) redirect(303, `/mobilities/${list.items[0].id}`);
      return { list, institutions, params: {} as Record<string, string>, years: [] as string[] };
    }
    const params = listParams(event.url, ['direction', 'academicYear', 'status', 'offset']);
    if (params.direction !== 'incoming' && params.direction !== 'outgoing') params.direction = user.role === 'admin' ? '' : 'incoming';
    if (!params.direction) delete params.direction;
    if (params.status && !(mobilityStatuses as readonly string[]).includes(params.status)) delete params.status;
    if (params.academicYear && !/^\d{4}\/\d{4}$/.test(params.academicYear)) delete params.academicYear;
    const [list, institutions] = await Promise.all([
      api.mobilities({
        direction: params.direction as 'incoming' | 'outgoing' | undefined,
        status: params.status as MobilityStatus | undefined,
        academicYear: params.academicYear,
        offset: Number(params.offset ?? 0),
        limit: pageSize,
      }),
      institutionsOf(event.locals.api),
    ]);
    return { list, institutions, params, years: academicYearsAround(new Date()) };
  } catch (cause) {
    pageError(cause, event);
  }
};

export const actions: Actions = {
  /** The host confirms several arrivals on one date: one call per mobility, each answered on its own row. */
  arriveMany: async (event) => {
    requireRole(event, ['coordinator']);
    const form = await event.request.formData();
    const date = String(form.get('date') ?? '').trim();
    const items = picked(form, isId);
    if (!isLocalDate(date)) return fail(400, { bulkProblem: 'date_invalid' });
    if (items.length === 0) return fail(400, { bulkProblem: 'none_picked' });
    const results: { id: string; name: string; ok: boolean; problem?: string }[] = [];
    for (const item of items) {
      try {
        const mobility = await event.locals.api.mobilities.arrive(item.id, item.version, date);
        results.push({ id: item.id, name: mobility.student.fullName, ok: true });
      } catch (cause) {
        if (!(cause instanceof ApiError)) throw cause;
        results.push({ id: item.id, name: '', ok: false, problem: exchangeProblem(cause.status >= 500 ? 'unavailable' : cause.code) });
      }
    }
    return { bulk: { confirmed: results.filter((result) => result.ok).length, failed: results.filter((result) => !result.ok) } };
  },
};
