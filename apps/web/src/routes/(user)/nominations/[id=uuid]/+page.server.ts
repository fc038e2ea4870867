import { canManageOutgoing } from '@exchange/shared';
import { ApiError } from '$lib/server/api';
import { failure, refuse, institutionsOf, isId } from '$lib/server/exchange';
import { pageError, requireRole } from '$lib/server/guards';
import { decide } from '../decide';
import { noteErrorOf, readNote } from './note';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['coordinator', 'reviewer', 'admin']);
  const api = event.locals.api.exchange;
  try {
    const [nomination, institutions] = await Promise.all([api.nomination(event.params.id), institutionsOf(event.locals.api)]);
    const agreements = await event.locals.api.agreements({ limit: 100 });
    const quotas = (await Promise.all(agreements.items.map((agreement) => event.locals.api.quotas(agreement.id, nomination.academicYear)))).flat();
    // A freed seat is offered to the next student waiting for the line, by the sending office.
    const freed = (nomination.status === 'rejected' || nomination.status === 'cancelled') && canManageOutgoing(user, nomination.sendingInstitutionId);
    const waitlist = freed ? await api.waitlist(nomination.callId, nomination.quotaId).catch(() => []) : [];
    return { nomination, institutions, quotas, waitlist, now: new Date().toISOString() };
  } catch (cause) {
    pageError(cause, event);
  }
};

export const actions: Actions = {
  approve: (event) => decide(event, 'approve'),
  reject: (event) => decide(event, 'reject'),
  /** Takes back an approval made a moment ago; the API enforces the window. */
  undo: async (event) => {
    requireRole(event, ['coordinator']);
    const proposalId = (await event.request.formData()).get('proposalId');
    if (!isId(proposalId)) return refuse(400, { problem: 'validation_failed' });
    try {
      const nomination = await event.locals.api.exchange.undoApproval(event.params.id, proposalId);
      return { undone: nomination.student.fullName };
    } catch (cause) {
      return failure(cause);
    }
  },
  cancel: async (event) => {
    requireRole(event, ['coordinator']);
    const form = await event.request.formData();
    if (form.get('confirm') !== 'yes') return refuse(400, { problem: 'confirm_cancel' });
    try {
      await event.locals.api.exchange.cancelNomination(event.params.id);
      return { cancelled: true };
    } catch (cause) {
      return failure(cause);
    }
  },
  /** The sending office's note to the partner; saving it makes a new version for the partner to decide on. */
  note: async (event) => {
    requireRole(event, ['coordinator']);
    const api = event.locals.api.exchange;
    const form = await event.request.formData();
    let current: string | null;
    try {
      current = (await api.nomination(event.params.id)).note;
    } catch (cause) {
      return failure(cause, { note: String(form.get('note') ?? '') });
    }
    const { note, typed, error } = readNote(form, current);
    if (error) return refuse(400, { noteError: error, note: typed, problem: undefined });
    try {
      await api.noteNomination(event.params.id, note);
      return { noteSaved: note === null ? 'removed' : 'saved' };
    } catch (cause) {
      if (cause instanceof ApiError && (cause.status === 400 || cause.status === 422)) {
        const field = cause.fieldErrors.find((item) => /(^|[./])note$/.test(item.path));
        return refuse(400, { noteError: noteErrorOf(field?.code), note: typed, problem: undefined });
      }
      return failure(cause, { note: typed });
    }
  },
  nominate: async (event) => {
    requireRole(event, ['coordinator']);
    const form = await event.request.formData();
    const applicationId = form.get('applicationId');
    const quotaId = form.get('quotaId');
    if (!isId(applicationId) || !isId(quotaId)) return refuse(400, { problem: 'validation_failed' });
    try {
      const nomination = await event.locals.api.exchange.nominate(applicationId, quotaId);
      return { nominated: nomination.student.fullName, nominationId: nomination.id };
    } catch (cause) {
      return failure(cause);
    }
  },
};
