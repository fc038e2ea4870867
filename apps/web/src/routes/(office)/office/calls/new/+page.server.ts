import { academicYearOf, type CallCreate } from '@exchange/shared';
import { fail, redirect } from '@sveltejs/kit';
import { ApiError, fieldErrorsByName } from '$lib/server/api';
import { failure, institutionsOf, zoneOf } from '$lib/server/exchange';
import { pageError, requireRole } from '$lib/server/guards';
import { callBody, readCallForm, type CallValues } from '$lib/exchange/forms';
import { sendingLines } from '../lines';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['coordinator']);
  try {
    const [institutions, lines] = await Promise.all([institutionsOf(event.locals.api), sendingLines(event.locals.api, user.institutionId)]);
    const now = new Date();
    const next = academicYearOf(new Date(now.getTime() + 365 * 86_400_000));
    const values: CallValues = {
      titleRu: '', titleZh: '', titleEn: '', descriptionRu: '', descriptionZh: '', descriptionEn: '',
      academicYear: next, mobilityType: 'semester', opensAt: '', closesAt: '', maxPreferences: '3', minGpa: '',
      languageLanguage: '', languageScale: '', languageLevel: '', requiredDocuments: ['motivation_letter', 'transcript'], quotaIds: [],
    };
    return { institutions, lines, values, timeZone: zoneOf(institutions, user.institutionId) };
  } catch (cause) {
    pageError(cause, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const user = requireRole(event, ['coordinator']);
    const values = readCallForm(await event.request.formData());
    const institutions = await institutionsOf(event.locals.api);
    const parsed = callBody(values, zoneOf(institutions, user.institutionId));
    if (!parsed.body) return fail(400, { values, errors: parsed.errors, problem: 'validation_failed' });
    let id: string;
    try {
      id = (await event.locals.api.exchange.createCall({ ...parsed.body, status: 'draft' } satisfies CallCreate)).id;
    } catch (cause) {
      if (cause instanceof ApiError && (cause.status === 400 || cause.status === 422)) {
        return fail(400, { values, errors: fieldErrorsByName(cause), problem: cause.code });
      }
      return failure(cause, { values, errors: {} });
    }
    redirect(303, `/calls/${id}?created=1`);
  },
};
