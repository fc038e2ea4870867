import { mobilitySide } from '@exchange/shared';
import { fail } from '@sveltejs/kit';
import { decisionBody, decisionErrors, readDecisionForm, type DecisionValues } from '$lib/recognition/decision-form';
import { editRows } from '$lib/recognition/rows';
import {
  blankTranscriptRow,
  readTranscriptForm,
  transcriptBody,
  transcriptBodyRows,
  transcriptErrors,
  transcriptList,
  type TranscriptValues,
} from '$lib/recognition/transcript-form';
import { ApiError } from '$lib/server/api';
import { institutionsOf, zoneOf } from '$lib/server/exchange';
import { pageError, requireRole, requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const { api } = event.locals;
  try {
    const [mobility, recognition, institutions] = await Promise.all([
      api.mobilities.mobility(event.params.id),
      api.recognition.recognition(event.params.id),
      institutionsOf(api),
    ]);
    const side = mobilitySide(user, mobility);
    const coordinator = user.role === 'coordinator';
    // The host records the transcript once the stay has begun, until the home office has decided.
    const records = coordinator && side === 'receiving' && (mobility.status === 'abroad' || mobility.status === 'returned');
    // The home office decides once the student is back and the transcript is there; only once.
    const decides = coordinator && side === 'sending' && mobility.status === 'returned' && recognition.transcript !== null && recognition.decision === null;
    const [host, home, agreement] = await Promise.all([
      api.grading.grading(mobility.receivingInstitutionId),
      api.grading.grading(mobility.sendingInstitutionId),
      // Before there is a transcript its form starts from the components the learning agreement in force lists.
      records && recognition.transcript === null ? api.learningAgreements.learningAgreement(mobility.id) : null,
    ]);
    return {
      // What the page shows of the mobility: not the border data.
      mobility: {
        id: mobility.id,
        status: mobility.status,
        studentName: mobility.student.fullName,
        sendingInstitutionId: mobility.sendingInstitutionId,
        receivingInstitutionId: mobility.receivingInstitutionId,
      },
      recognition,
      institutions,
      side,
      zone: zoneOf(institutions, user.institutionId, zoneOf(institutions, mobility.sendingInstitutionId)),
      host,
      home,
      studied: agreement?.inForce?.studied ?? [],
      records,
      decides,
      // The home office's coordinators wait for the return (or the transcript) before deciding.
      homeWaits: coordinator && side === 'sending' && recognition.decision === null && !decides && mobility.status !== 'cancelled',
    };
  } catch (cause) {
    pageError(cause, event);
  }
};

type Extra = { values?: TranscriptValues | DecisionValues };

/** An API failure as the form's answer: its code, and the field errors beside the rows they concern. */
function refused(cause: unknown, action: 'transcript' | 'recognise', values: TranscriptValues | DecisionValues) {
  if (!(cause instanceof ApiError)) throw cause;
  const extra: Extra = { values };
  if (cause.status >= 500) return fail(503, { action, problem: 'unavailable', ...extra });
  if ((cause.status === 400 || cause.status === 422) && cause.fieldErrors.length > 0) {
    const errors =
      action === 'transcript'
        ? transcriptErrors(cause.fieldErrors, transcriptBodyRows(values as TranscriptValues))
        : decisionErrors(cause.fieldErrors, (values as DecisionValues).rows);
    return fail(cause.status, { action, problem: cause.code, errors, ...extra });
  }
  return fail(cause.status, { action, problem: cause.code, ...extra });
}

export const actions: Actions = {
  /** The host records (or corrects) the transcript as typed. */
  transcript: async (event) => {
    requireRole(event, ['coordinator']);
    const values = readTranscriptForm(await event.request.formData());
    const { body, errors } = transcriptBody(values);
    if (!body) return fail(400, { action: 'transcript', problem: 'validation_failed', errors, values });
    try {
      await event.locals.api.recognition.recordTranscript(event.params.id, body);
      return { action: 'transcript', done: 'transcript_saved' };
    } catch (cause) {
      return refused(cause, 'transcript', values);
    }
  },
  /** A row added or taken away without JavaScript: nothing is saved, the typed values come back. */
  rows: async (event) => {
    requireRole(event, ['coordinator']);
    const form = await event.request.formData();
    const values = readTranscriptForm(form);
    const rows = editRows(values.rows, String(form.get('row') ?? ''), transcriptList, blankTranscriptRow);
    return { action: 'transcript', values: rows ? { ...values, rows } : values, done: 'rows' };
  },
  /** First checks the decision and asks the office to confirm (it cannot be undone); with `confirm=yes`, decides. */
  recognise: async (event) => {
    requireRole(event, ['coordinator']);
    const form = await event.request.formData();
    const values = readDecisionForm(form);
    const { body, errors } = decisionBody(values);
    if (!body) return fail(400, { action: 'recognise', problem: 'validation_failed', errors, values });
    if (form.get('confirm') !== 'yes') return { action: 'recognise', values, confirm: true };
    try {
      await event.locals.api.recognition.recognise(event.params.id, body);
      return { action: 'recognise', done: 'recognised' };
    } catch (cause) {
      return refused(cause, 'recognise', values);
    }
  },
};
