import { fail } from '@sveltejs/kit';
import { isAcademicYear, type Quota } from '@exchange/shared';
import { pageError, requireRole, requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';
import { agreementFieldsOf, isId, itemFieldsOf, refused } from './plan-form';

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const { locals, params, url } = event;
  try {
    const [agreement, quotas] = await Promise.all([locals.api.agreement(params.id), locals.api.quotas(params.id)]);
    // The plan's notes, progress and reports are for administrators and the parties' staff only.
    const planReader =
      user.role === 'admin' || (user.role !== 'student' && user.institutionId !== null && agreement.parties.some((party) => party.id === user.institutionId));
    const progress = planReader && agreement.plan.length > 0 ? await locals.api.plan.progress(params.id) : null;
    const years = [...new Set(quotas.map((quota) => quota.academicYear))].sort();
    const wanted = url.searchParams.get('academicYear') ?? '';
    const academicYear = isAcademicYear(wanted) ? wanted : null;
    const shown = academicYear ? quotas.filter((quota) => quota.academicYear === academicYear) : quotas;
    const byYear = new Map<string, Quota[]>();
    for (const quota of shown) byYear.set(quota.academicYear, [...(byYear.get(quota.academicYear) ?? []), quota]);
    return {
      agreement,
      planReader,
      progress,
      years,
      academicYear,
      quotaYears: [...byYear.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([year, lines]) => ({ year, lines })),
      updated: url.searchParams.get('updated'),
      created: url.searchParams.get('created'),
      removed: url.searchParams.get('removed') === '1',
    };
  } catch (cause) {
    pageError(cause, event);
  }
};

export const actions: Actions = {
  /** The agreement's title, dates and status. */
  agreement: async (event) => {
    requireRole(event, ['admin']);
    const { errors, values, body } = agreementFieldsOf(await event.request.formData());
    if (Object.keys(errors).length > 0) return fail(400, { action: 'agreement', problem: 'validation_failed', errors, values });
    try {
      await event.locals.api.plan.updateAgreement(event.params.id, body);
      return { action: 'agreement', done: 'agreement_saved' };
    } catch (cause) {
      return refused('agreement', cause, values);
    }
  },
  /** The signed agreement as a PDF, replacing an earlier one. */
  document: async (event) => {
    requireRole(event, ['admin']);
    const file = (await event.request.formData()).get('file');
    if (!(file instanceof File) || file.size === 0) return fail(400, { action: 'document', problem: 'validation_failed', errors: { file: 'file_required' } });
    try {
      await event.locals.api.plan.uploadDocument(event.params.id, file);
      return { action: 'document', done: 'document_saved' };
    } catch (cause) {
      return refused('document', cause);
    }
  },
  /** A new measure at the end of the plan. */
  add: async (event) => {
    requireRole(event, ['admin']);
    const agreement = await event.locals.api.agreement(event.params.id);
    const { errors, values, body } = itemFieldsOf(
      await event.request.formData(),
      agreement.parties.map((party) => party.id),
    );
    if (Object.keys(errors).length > 0) return fail(400, { action: 'add', problem: 'validation_failed', errors, values });
    try {
      const item = await event.locals.api.plan.add(event.params.id, body);
      return { action: 'add', done: 'item_added', itemId: item.id };
    } catch (cause) {
      return refused('add', cause, values);
    }
  },
  /** A measure one place up or down. */
  move: async (event) => {
    requireRole(event, ['admin']);
    const form = await event.request.formData();
    const itemId = form.get('itemId');
    const step = form.get('direction') === 'up' ? -1 : 1;
    if (!isId(itemId)) return fail(400, { action: 'move', problem: 'validation_failed', errors: {} });
    try {
      const order = (await event.locals.api.agreement(event.params.id)).plan.map((item) => item.id);
      const from = order.indexOf(itemId);
      const to = from + step;
      if (from < 0 || to < 0 || to >= order.length) return { action: 'move', done: 'item_moved', itemId };
      [order[from], order[to]] = [order[to]!, order[from]!];
      await event.locals.api.plan.reorder(event.params.id, order);
      return { action: 'move', done: 'item_moved', itemId };
    } catch (cause) {
      return refused('move', cause);
    }
  },
};
