/**
 * Grades and credits: the institution's grade scale and credit unit, and the conversion tables
 * between its scale and each partner's, both ways. Staff pages of all three roles live in the
 * signed-in group (like the flows): coordinators keep their own institution's, the administrator
 * any institution's (chosen on the page), reviewers read them.
 */
import { error, fail } from '@sveltejs/kit';
import {
  blankGrade,
  blankRule,
  conversionBody,
  conversionBodyRows,
  conversionErrors,
  gradeList,
  readConversionForm,
  readScaleForm,
  ruleList,
  scaleBody,
  scaleErrors,
  type ConversionValues,
  type ScaleValues,
} from '$lib/recognition/grading-form';
import { editRows } from '$lib/recognition/rows';
import { ApiError } from '$lib/server/api';
import { institutionsOf, isId } from '$lib/server/exchange';
import { pageError, requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['coordinator', 'reviewer', 'admin']);
  const { api } = event.locals;
  try {
    const institutions = await institutionsOf(api);
    const asked = event.url.searchParams.get('institution');
    const own =
      user.role === 'admin' ? (institutions.find((item) => item.id === asked) ?? institutions[0]) : institutions.find((item) => item.id === user.institutionId);
    if (!own) error(404, { message: 'not_found' });
    const partners = institutions.filter((item) => item.id !== own.id);
    const [grading, partnerGradings, tables] = await Promise.all([
      api.grading.grading(own.id),
      Promise.all(partners.map((partner) => api.grading.grading(partner.id))),
      // Per partner, its grades to ours, then ours to its.
      Promise.all(partners.flatMap((partner) => [api.grading.conversion(partner.id, own.id), api.grading.conversion(own.id, partner.id)])),
    ]);
    return {
      institutions,
      institutionId: own.id,
      grading,
      gradings: [grading, ...partnerGradings],
      tables,
      edits: user.role === 'admin' || (user.role === 'coordinator' && user.institutionId === own.id),
      picks: user.role === 'admin',
    };
  } catch (cause) {
    pageError(cause, event);
  }
};

/** Names a conversion form on the page: `conversion:<from>:<to>`. */
const tableOf = (form: FormData) => {
  const [fromId, toId] = [form.get('fromId'), form.get('toId')];
  return isId(fromId) && isId(toId) ? { fromId, toId, table: `conversion:${fromId}:${toId}` } : null;
};

/** An API failure as the form's answer: its code, and the field errors beside the fields or lines they concern. */
function refused(
  cause: unknown,
  table: string,
  values: ScaleValues | ConversionValues,
  errorsOf: (problems: ApiError['fieldErrors']) => Record<string, string>,
) {
  if (!(cause instanceof ApiError)) throw cause;
  if (cause.status >= 500) return fail(503, { table, problem: 'unavailable', values });
  if ((cause.status === 400 || cause.status === 422) && cause.fieldErrors.length > 0) {
    return fail(cause.status, { table, problem: cause.code, errors: errorsOf(cause.fieldErrors), values });
  }
  return fail(cause.status, { table, problem: cause.code, values });
}

export const actions: Actions = {
  /** The grade scale and the credit unit, saved together. */
  scale: async (event) => {
    requireRole(event, ['coordinator', 'admin']);
    const form = await event.request.formData();
    const institutionId = form.get('institutionId');
    const values = readScaleForm(form);
    if (!isId(institutionId)) return fail(400, { table: 'scale', problem: 'validation_failed', values });
    const { body, errors } = scaleBody(values);
    if (!body) return fail(400, { table: 'scale', problem: 'validation_failed', errors, values });
    try {
      await event.locals.api.grading.saveGrading(institutionId, body);
      return { table: 'scale', done: 'scale_saved' };
    } catch (cause) {
      const grades = values.grades.filter((row) => row.value !== '');
      return refused(cause, 'scale', values, (problems) => scaleErrors(problems, grades));
    }
  },
  /** One conversion table, replaced as a whole. */
  conversion: async (event) => {
    requireRole(event, ['coordinator', 'admin']);
    const form = await event.request.formData();
    const target = tableOf(form);
    const values = readConversionForm(form);
    if (!target) return fail(400, { table: 'conversion', problem: 'validation_failed', values });
    const { body, errors } = conversionBody(values);
    if (!body) return fail(400, { table: target.table, problem: 'validation_failed', errors, values });
    try {
      await event.locals.api.grading.saveConversion(target.fromId, target.toId, body.rules);
      return { table: target.table, done: 'conversion_saved' };
    } catch (cause) {
      return refused(cause, target.table, values, (problems) => conversionErrors(problems, conversionBodyRows(values)));
    }
  },
  /** The administrator sets the institution's EWP id (its internet domain); empty clears it. */
  heiId: async (event) => {
    requireRole(event, ['admin']);
    const form = await event.request.formData();
    const institutionId = form.get('institutionId');
    const heiId = String(form.get('heiId') ?? '')
      .trim()
      .toLowerCase();
    if (!isId(institutionId)) return fail(400, { table: 'heiId', problem: 'validation_failed', values: { heiId } });
    try {
      await event.locals.api.ewp.setHeiId(institutionId, heiId || null);
      return { table: 'heiId', done: 'hei_saved' };
    } catch (cause) {
      if (cause instanceof ApiError && (cause.status === 400 || cause.status === 409)) {
        // A form mistake either way: answered 400, as the other forms answer theirs.
        return fail(400, { table: 'heiId', problem: cause.code === 'hei_id_taken' ? 'hei_id_taken' : 'hei_id_invalid', values: { heiId } });
      }
      throw cause;
    }
  },
  /** A row added or taken away without JavaScript: nothing is saved, the typed values come back. */
  rows: async (event) => {
    requireRole(event, ['coordinator', 'admin']);
    const form = await event.request.formData();
    const edit = String(form.get('row') ?? '');
    if (form.get('kind') === 'scale') {
      const values = readScaleForm(form);
      const grades = editRows(values.grades, edit, gradeList, blankGrade);
      return { table: 'scale', values: grades ? { ...values, grades } : values, done: 'rows' };
    }
    const target = tableOf(form);
    const values = readConversionForm(form);
    const rules = editRows(values.rules, edit, ruleList, blankRule);
    return { table: target?.table ?? 'conversion', values: rules ? { rules } : values, done: 'rows' };
  },
};
