import { fail, type RequestEvent } from '@sveltejs/kit';
import { exchangeProblem } from '$lib/exchange/problems';
import { ApiError } from '$lib/server/api';
import { failure, isId } from '$lib/server/exchange';
import { requireRole } from '$lib/server/guards';

/** Approve or reject one nomination, from the list or the dossier. */
export async function decide(event: RequestEvent, decision: 'approve' | 'reject') {
  requireRole(event, ['coordinator']);
  const form = await event.request.formData();
  const id = form.get('id');
  const proposalId = form.get('proposalId');
  const comment = String(form.get('comment') ?? '').trim();
  if (!isId(id) || !isId(proposalId))
    return fail(400, { problem: 'validation_failed', problemText: exchangeProblem('validation_failed'), id: String(id ?? '') });
  if (decision === 'reject' && !comment) return fail(400, { id, commentError: 'reject_reason_required', problem: undefined });
  if (comment.length > 2000) return fail(400, { id, commentError: 'too_long_text', comment, problem: undefined });
  const api = event.locals.api.exchange;
  try {
    const nomination = decision === 'approve' ? await api.approve(id, proposalId) : await api.reject(id, proposalId, comment);
    return { decided: decision, name: nomination.student.fullName, id };
  } catch (cause) {
    if (cause instanceof ApiError && (cause.status === 400 || cause.status === 422) && decision === 'reject') {
      return fail(400, { id, commentError: 'reject_reason_required', problem: undefined });
    }
    return failure(cause, { id, comment });
  }
}
