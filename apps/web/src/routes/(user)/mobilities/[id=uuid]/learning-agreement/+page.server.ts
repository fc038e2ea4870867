import { mobilitySide } from '@exchange/shared';
import { fail, type RequestEvent } from '@sveltejs/kit';
import { bodyRows, componentLists, draftBody, draftErrors, editRows, proposalErrors, readDraftForm, type DraftValues } from '$lib/learning-agreement/form';
import { ApiError } from '$lib/server/api';
import { institutionsOf, isId, zoneOf } from '$lib/server/exchange';
import { pageError, requireRole, requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  try {
    const [mobility, agreement, institutions] = await Promise.all([
      event.locals.api.mobilities.mobility(event.params.id),
      event.locals.api.learningAgreements.learningAgreement(event.params.id),
      institutionsOf(event.locals.api),
    ]);
    const side = mobilitySide(user, mobility);
    const open = mobility.status === 'preparing' || mobility.status === 'abroad';
    return {
      // What the page shows of the mobility: not the border data.
      mobility: {
        id: mobility.id,
        status: mobility.status,
        studentName: mobility.student.fullName,
        sendingInstitutionId: mobility.sendingInstitutionId,
        receivingInstitutionId: mobility.receivingInstitutionId,
      },
      agreement,
      institutions,
      side,
      zone: zoneOf(institutions, user.institutionId, zoneOf(institutions, mobility.sendingInstitutionId)),
      editable: side === 'student' && open && agreement.pending === null,
      signs: user.role === 'coordinator' && mobility.status !== 'cancelled' && agreement.pending !== null && agreement.pending.awaiting === side,
    };
  } catch (cause) {
    pageError(cause, event);
  }
};

/** An API failure as the form's answer: its code, and the field errors beside the rows they concern. */
function refused(cause: unknown, action: string, extra: { values?: DraftValues; comment?: string } = {}) {
  if (!(cause instanceof ApiError)) throw cause;
  if (cause.status >= 500) return fail(503, { action, problem: 'unavailable', ...extra });
  if ((cause.status === 400 || cause.status === 422) && cause.fieldErrors.length > 0) {
    // Without typed values the page shows the saved draft, whose rows are the body's components in order.
    const rows = extra.values ? bodyRows(extra.values) : savedRows;
    const errors = action === 'comment' ? { comment: 'comment_required' } : draftErrors(cause.fieldErrors, rows);
    return fail(cause.status, { action, problem: cause.code, errors, ...extra });
  }
  return fail(cause.status, { action, problem: cause.code, ...extra });
}
const savedRows = Object.fromEntries(componentLists.map((list) => [list, Array.from({ length: 50 }, (_, index) => `${list}-${index}`)])) as ReturnType<
  typeof bodyRows
>;

/** Reads the draft form and saves it; an answer to return when that did not work. */
async function save(event: Pick<RequestEvent, 'locals'> & { params: { id: string } }, form: FormData, action: 'save' | 'propose') {
  const values = readDraftForm(form);
  const changing = form.get('kind') === 'changes';
  const { body, errors } = draftBody(values, changing);
  const missing = action === 'propose' ? proposalErrors(values, changing) : {};
  if (!body || Object.keys(missing).length > 0) {
    const problem = body ? 'incomplete_learning_agreement' : 'validation_failed';
    return fail(400, { action, values, errors: { ...missing, ...errors }, problem });
  }
  try {
    await event.locals.api.learningAgreements.saveDraft(event.params.id, body);
    return null;
  } catch (cause) {
    return refused(cause, action, { values });
  }
}

export const actions: Actions = {
  /** Saves the draft as typed. */
  save: async (event) => {
    requireRole(event, ['student']);
    return (await save(event, await event.request.formData(), 'save')) ?? { action: 'save', done: 'saved' };
  },
  /** A row added or taken away without JavaScript: nothing is saved, the typed values come back. */
  rows: async (event) => {
    requireRole(event, ['student']);
    const form = await event.request.formData();
    const values = readDraftForm(form);
    return { action: 'rows', values: editRows(values, String(form.get('row') ?? '')) ?? values, done: 'rows' };
  },
  /** First saves the draft and asks the student to confirm (proposing signs it); with `confirm=yes`, proposes it. */
  propose: async (event) => {
    requireRole(event, ['student']);
    const form = await event.request.formData();
    if (form.get('confirm') !== 'yes') return (await save(event, form, 'propose')) ?? { action: 'propose', confirm: true };
    try {
      const seen = form.get('draftUpdatedAt');
      await event.locals.api.learningAgreements.propose(event.params.id, typeof seen === 'string' && seen ? seen : undefined);
      return { action: 'propose', done: 'proposed' };
    } catch (cause) {
      return refused(cause, 'propose');
    }
  },
  /** The office whose signature is awaited signs the proposal the page showed. */
  approve: async (event) => {
    requireRole(event, ['coordinator']);
    const proposalId = (await event.request.formData()).get('proposalId');
    if (!isId(proposalId)) return fail(400, { action: 'approve', problem: 'stale_proposal' });
    try {
      await event.locals.api.learningAgreements.approve(event.params.id, proposalId);
      return { action: 'approve', done: 'signed' };
    } catch (cause) {
      return refused(cause, 'approve');
    }
  },
  /** The office sends the proposal back with a comment the student reads. */
  comment: async (event) => {
    requireRole(event, ['coordinator']);
    const form = await event.request.formData();
    const proposalId = form.get('proposalId');
    const comment = String(form.get('comment') ?? '')
      .replace(/\r\n/g, '\n')
      .trim();
    if (!isId(proposalId)) return fail(400, { action: 'comment', problem: 'stale_proposal', comment });
    if (!comment || comment.length > 2000) {
      return fail(400, { action: 'comment', problem: 'validation_failed', comment, errors: { comment: comment ? 'too_long_text' : 'comment_required' } });
    }
    try {
      // Written on this page, so in its language, whatever the account's.
      await event.locals.api.learningAgreements.sendBack(event.params.id, proposalId, comment, event.locals.locale);
      return { action: 'comment', done: 'sent_back' };
    } catch (cause) {
      return refused(cause, 'comment', { comment });
    }
  },
};
