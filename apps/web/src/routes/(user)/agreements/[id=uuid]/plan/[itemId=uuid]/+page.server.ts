import { fail, redirect } from '@sveltejs/kit';
import { isLocale } from '@exchange/shared';
import { currentLocale } from '$lib/i18n';
import { pageError, requireRole, requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';
import { isId, itemFieldsOf, refused, statusOf } from '../../plan-form';

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const { locals, params } = event;
  try {
    const [agreement, detail, history] = await Promise.all([
      locals.api.agreement(params.id),
      locals.api.plan.item(params.id, params.itemId),
      locals.api.plan.history(params.id, params.itemId),
    ]);
    return { agreement, detail, history: history.reverse() };
  } catch (cause) {
    pageError(cause, event);
  }
};

export const actions: Actions = {
  /** The responsible coordinator (or an administrator) reports the status with a note, kept in the page's language. */
  report: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const status = statusOf(form);
    const note = String(form.get('note') ?? '').trim();
    const values = { status: String(form.get('status') ?? ''), note };
    if (!status) return fail(400, { action: 'report', problem: 'validation_failed', errors: { status: 'required' }, values });
    if (note.length > 2000) return fail(400, { action: 'report', problem: 'validation_failed', errors: { note: 'too_long_text' }, values });
    const lang = form.get('locale');
    try {
      await event.locals.api.plan.update(event.params.id, event.params.itemId, { status, note: note || null, locale: isLocale(lang) ? lang : currentLocale() });
      return { action: 'report', done: 'reported' };
    } catch (cause) {
      return refused('report', cause, values);
    }
  },
  evidence: async (event) => {
    requireUser(event);
    const file = (await event.request.formData()).get('file');
    if (!(file instanceof File) || file.size === 0) return fail(400, { action: 'evidence', problem: 'validation_failed', errors: { file: 'file_required' } });
    try {
      await event.locals.api.plan.uploadEvidence(event.params.id, event.params.itemId, file);
      return { action: 'evidence', done: 'evidence_added' };
    } catch (cause) {
      return refused('evidence', cause);
    }
  },
  removeEvidence: async (event) => {
    requireUser(event);
    const evidenceId = (await event.request.formData()).get('evidenceId');
    if (!isId(evidenceId)) return fail(400, { action: 'evidence', problem: 'validation_failed', errors: {} });
    try {
      await event.locals.api.plan.removeEvidence(event.params.id, event.params.itemId, evidenceId);
      return { action: 'evidence', done: 'evidence_removed' };
    } catch (cause) {
      return refused('evidence', cause);
    }
  },
  /** Administrators: the measure's title, deadline and responsible party. */
  edit: async (event) => {
    requireRole(event, ['admin']);
    const agreement = await event.locals.api.agreement(event.params.id);
    const { errors, values, body } = itemFieldsOf(
      await event.request.formData(),
      agreement.parties.map((party) => party.id),
    );
    if (Object.keys(errors).length > 0) return fail(400, { action: 'edit', problem: 'validation_failed', errors, values });
    try {
      await event.locals.api.plan.update(event.params.id, event.params.itemId, body);
      return { action: 'edit', done: 'item_saved' };
    } catch (cause) {
      return refused('edit', cause, values);
    }
  },
  /** Administrators: the measure leaves the plan, after confirming. */
  remove: async (event) => {
    requireRole(event, ['admin']);
    if ((await event.request.formData()).get('confirm') !== 'yes') return fail(400, { action: 'remove', problem: 'confirm_remove', errors: {} });
    try {
      await event.locals.api.plan.remove(event.params.id, event.params.itemId);
    } catch (cause) {
      return refused('remove', cause);
    }
    redirect(303, `/agreements/${event.params.id}?removed=1`);
  },
};
