import { localDateIn, mobilitySide } from '@exchange/shared';
import { fail, type RequestEvent } from '@sveltejs/kit';
import { isLocalDate, readAdmission, readDeparture, readFunding, versionOf, type Errors } from '$lib/mobility/forms';
import type { RecognitionStatus } from '$lib/labels/recognition';
import { ApiError, fieldErrorsByName, type Api, type MobilitiesApi } from '$lib/server/api';
import { failure, institutionsOf, isId, zoneOf } from '$lib/server/exchange';
import { pageError, requireRole, requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  try {
    const [mobility, institutions, recognition] = await Promise.all([
      event.locals.api.mobilities.mobility(event.params.id),
      institutionsOf(event.locals.api),
      recognitionSummary(event.locals.api, event.params.id),
    ]);
    const hostZone = zoneOf(institutions, mobility.receivingInstitutionId);
    const viewerZone = zoneOf(institutions, user.institutionId, zoneOf(institutions, mobility.sendingInstitutionId));
    return { mobility, institutions, recognition, side: mobilitySide(user, mobility), hostZone, viewerZone, hostToday: localDateIn(new Date(), hostZone) };
  } catch (cause) {
    pageError(cause, event);
  }
};

/** Where the transcript and recognition stand, for the card; null when that cannot be told now (the card still links to them). */
async function recognitionSummary(api: Api, mobilityId: string): Promise<{ status: RecognitionStatus; at: string | null } | null> {
  try {
    const { transcript, decision } = await api.recognition.recognition(mobilityId);
    if (decision) return { status: 'recognised', at: decision.decidedAt };
    return transcript ? { status: 'transcript', at: transcript.recordedAt } : { status: 'none', at: null };
  } catch (cause) {
    if (cause instanceof ApiError) return null;
    throw cause;
  }
}

type Change = (api: MobilitiesApi, version: number | undefined) => Promise<unknown>;

/**
 * One office action: the form's own checks first, then the API with the version the page
 * showed; field errors come back beside their fields, other problems as a notice.
 */
async function act(event: RequestEvent, form: FormData, action: string, errors: Errors, change: Change, typed: Record<string, unknown>) {
  if (Object.keys(errors).length > 0) return fail(400, { action, errors, typed, problem: undefined });
  try {
    await change(event.locals.api.mobilities, versionOf(form));
    return { done: action };
  } catch (cause) {
    if (cause instanceof ApiError && (cause.status === 400 || cause.status === 422) && cause.fieldErrors.length > 0) {
      return fail(400, { action, errors: fieldErrorsByName(cause), typed, problem: cause.code, problemText: undefined });
    }
    return failure(cause, { action, typed });
  }
}

export const actions: Actions = {
  admit: async (event) => {
    requireRole(event, ['coordinator']);
    const form = await event.request.formData();
    const { errors, value } = readAdmission(form);
    return act(event, form, 'admit', errors, (api, v) => api.admit(event.params.id, v, value), {
      ...value,
      requestedDocuments: value.requestedDocuments.join('\n'),
    });
  },
  arrive: async (event) => {
    requireRole(event, ['coordinator']);
    const form = await event.request.formData();
    const date = String(form.get('date') ?? '').trim();
    return act(event, form, 'arrive', isLocalDate(date) ? {} : { date: 'date_invalid' }, (api, v) => api.arrive(event.params.id, v, date), { date });
  },
  depart: async (event) => {
    requireRole(event, ['coordinator']);
    const form = await event.request.formData();
    const { errors, value } = readDeparture(form);
    return act(event, form, 'depart', errors, (api, v) => api.depart(event.params.id, v, value), value);
  },
  fund: async (event) => {
    requireRole(event, ['coordinator']);
    const form = await event.request.formData();
    const { errors, value } = readFunding(form);
    const typed = { source: form.get('source'), monthlyAmount: form.get('monthlyAmount'), currency: form.get('currency') };
    return act(event, form, 'fund', errors, (api, v) => api.fund(event.params.id, v, value), typed);
  },
  /** Cancelling cannot be undone: the page asks first, and the form must say so. */
  cancel: async (event) => {
    requireRole(event, ['coordinator']);
    const form = await event.request.formData();
    const reason = String(form.get('reason') ?? '').trim();
    const errors: Errors = reason ? {} : { reason: 'reason_required' };
    if (form.get('confirm') !== 'yes') errors.confirm = 'required';
    return act(event, form, 'cancel', errors, (api, v) => api.cancelMobility(event.params.id, v, reason), { reason });
  },
  /** The owner side marks a step done or waives it (with a reason). */
  step: async (event) => {
    const form = await event.request.formData();
    const itemId = form.get('itemId');
    const status = form.get('status');
    const note = String(form.get('note') ?? '').trim();
    if (!isId(itemId) || (status !== 'done' && status !== 'waived')) return fail(400, { action: 'step', problem: 'validation_failed', errors: {} });
    const errors: Errors = status === 'waived' && !note ? { note: 'waive_reason_required' } : {};
    return act(event, form, 'step', errors, (api) => api.updateChecklistItem(event.params.id, itemId, { status, note: note || null }), { itemId, note }).then(
      (answer) => ('done' in answer ? { ...answer, itemId } : answer),
    );
  },
  /** A proof uploaded for a step, which marks it done. */
  proof: async (event) => {
    const form = await event.request.formData();
    const itemId = form.get('itemId');
    const file = form.get('file');
    if (!isId(itemId)) return fail(400, { action: 'step', problem: 'validation_failed', errors: {} });
    const errors: Errors = file instanceof File && file.size > 0 ? {} : { file: 'file_required' };
    return act(
      event,
      form,
      'step',
      errors,
      async (api) => {
        const document = await api.uploadProof(event.params.id, itemId, file as File);
        await api.updateChecklistItem(event.params.id, itemId, { status: 'done', note: null, documentId: document.id });
      },
      { itemId },
    ).then((answer) => ('done' in answer ? { ...answer, itemId } : answer));
  },
};
