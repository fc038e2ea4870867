import { documentTypes, identityFields, type DocumentType } from '@exchange/shared';
import { ApiError, fieldErrorsByName } from '$lib/server/api';
import { failure, refuse, institutionsOf, isId } from '$lib/server/exchange';
import { pageError, requireRole, requireUser } from '$lib/server/guards';
import { applicationBody, editPreferences, parseEdit, readApplicationForm } from '$lib/exchange/application-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const api = event.locals.api.exchange;
  try {
    const [application, institutions] = await Promise.all([api.application(event.params.id), institutionsOf(event.locals.api)]);
    const call = await api.call(application.callId);
    return { application, call, institutions, now: new Date().toISOString() };
  } catch (cause) {
    pageError(cause, event);
  }
};

const apiFieldNames = ['motivation', 'gpa', ...identityFields, 'preferences'] as const;

export const actions: Actions = {
  /** Saves the whole form; a preference button (`move`) also edits the ranked list. */
  save: async (event) => {
    requireRole(event, ['student']);
    const form = await event.request.formData();
    const values = readApplicationForm(form);
    const api = event.locals.api.exchange;
    const call = await api.call(String(form.get('callId') ?? '')).catch(() => null);
    const max = call?.maxPreferences ?? 5;
    const offered = call?.quotaIds ?? values.preferences;
    const edit = parseEdit(form.get('move') === null ? null : String(form.get('move')), form.get('addQuota') ? String(form.get('addQuota')) : null);
    if (edit) values.preferences = editPreferences(values.preferences, edit, max, offered);
    const removeCertificate = form.get('removeCertificate');
    if (removeCertificate !== null) values.certificates.splice(Number(removeCertificate), 1);
    const parsed = applicationBody(values, max);
    if (!parsed.body) return refuse(400, { values, errors: parsed.errors, problem: 'validation_failed' as string });
    try {
      await api.updateApplication(event.params.id, parsed.body);
    } catch (cause) {
      if (cause instanceof ApiError && (cause.status === 400 || cause.status === 422)) {
        const byName = fieldErrorsByName(cause);
        const errors: Record<string, string> = {};
        for (const name of apiFieldNames) if (byName[name]) errors[name] = byName[name]!;
        if (byName.languageCertificates) errors.certificates = 'certificate_incomplete';
        return refuse(400, { values, errors, problem: cause.code });
      }
      return failure(cause, { values });
    }
    return { saved: edit ? ('preferences' as const) : ('all' as const) };
  },

  upload: async (event) => {
    requireRole(event, ['student']);
    const form = await event.request.formData();
    const type = String(form.get('type') ?? '');
    const file = form.get('file');
    if (!(documentTypes as readonly string[]).includes(type)) return refuse(400, { uploadType: type, uploadError: 'validation_failed' });
    if (!(file instanceof File) || file.size === 0) return refuse(400, { uploadType: type, uploadError: 'file_required' });
    try {
      await event.locals.api.exchange.uploadDocument(event.params.id, type as DocumentType, file);
      return { uploaded: type };
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      return refuse(cause.status >= 500 ? 503 : cause.status, {
        uploadType: type,
        uploadError: cause.status >= 500 ? 'unavailable' : cause.code,
      });
    }
  },

  remove: async (event) => {
    requireRole(event, ['student']);
    const form = await event.request.formData();
    const documentId = form.get('documentId');
    if (!isId(documentId)) return refuse(400, { problem: 'validation_failed' });
    try {
      await event.locals.api.exchange.removeDocument(event.params.id, documentId);
      return { removed: true };
    } catch (cause) {
      return failure(cause);
    }
  },

  submit: async (event) => {
    requireRole(event, ['student']);
    try {
      await event.locals.api.exchange.submit(event.params.id);
      return { submitted: true };
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'application_incomplete') {
        // The list as the API sent it: each item names what it lacks (a certificate with its scale and level).
        return refuse(422, { problem: cause.code, missing: cause.missing });
      }
      return failure(cause);
    }
  },

  withdraw: async (event) => {
    requireRole(event, ['student']);
    const form = await event.request.formData();
    if (form.get('confirm') !== 'yes') return refuse(400, { problem: 'confirm_withdraw' });
    try {
      await event.locals.api.exchange.withdraw(event.params.id);
      return { withdrawn: true };
    } catch (cause) {
      return failure(cause);
    }
  },

  review: async (event) => {
    requireRole(event, ['coordinator']);
    const form = await event.request.formData();
    const review = {
      score: String(form.get('score') ?? '')
        .trim()
        .replace(',', '.'),
      eligible: String(form.get('eligible') ?? ''),
      comment: String(form.get('comment') ?? '').trim(),
    };
    const errors: Record<string, string> = {};
    const score = Number(review.score);
    if (!review.score || !Number.isFinite(score) || score < 0 || score > 100 || !/^\d{1,3}(\.\d{1,2})?$/.test(review.score)) errors.score = 'score_invalid';
    if (review.eligible !== 'yes' && review.eligible !== 'no') errors.eligible = 'required';
    if (review.eligible === 'no' && !review.comment) errors.comment = 'reason_required';
    if (review.comment.length > 2000) errors.comment = 'too_long_text';
    if (Object.keys(errors).length > 0) return refuse(400, { review, reviewErrors: errors });
    try {
      await event.locals.api.exchange.review(event.params.id, { score, eligible: review.eligible === 'yes', comment: review.comment });
      return { reviewed: true };
    } catch (cause) {
      if (cause instanceof ApiError && (cause.status === 400 || cause.status === 422)) {
        return refuse(400, { review, reviewErrors: fieldErrorsByName(cause) });
      }
      return failure(cause, { review });
    }
  },
};
