import { instantToZonedLocal, type Call } from '@exchange/shared';
import { ApiError, fieldErrorsByName } from '$lib/server/api';
import { failure, refuse, institutionsOf, zoneOf } from '$lib/server/exchange';
import { pageError, requireRole } from '$lib/server/guards';
import { callBody, readCallForm, type CallValues } from '$lib/exchange/call-form';
import { sendingLines } from '../lines';
import type { Actions, PageServerLoad } from './$types';

function valuesOf(call: Call, timeZone: string): CallValues {
  return {
    titleRu: call.title.ru,
    titleZh: call.title.zh,
    titleEn: call.title.en,
    descriptionRu: call.description.ru,
    descriptionZh: call.description.zh,
    descriptionEn: call.description.en,
    academicYear: call.academicYear,
    mobilityType: call.mobilityType,
    opensAt: instantToZonedLocal(call.opensAt, timeZone),
    closesAt: instantToZonedLocal(call.closesAt, timeZone),
    maxPreferences: String(call.maxPreferences),
    minGpa: call.minGpa === null ? '' : String(call.minGpa),
    languageLanguage: call.languageRequirement?.language ?? '',
    languageScale: call.languageRequirement?.scale ?? '',
    languageLevel: call.languageRequirement?.level ?? '',
    requiredDocuments: [...call.requiredDocuments],
    requiredIdentity: [...call.requiredIdentity],
    quotaIds: [...call.quotaIds],
  };
}

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['coordinator']);
  try {
    const [call, institutions, lines] = await Promise.all([
      event.locals.api.exchange.call(event.params.id),
      institutionsOf(event.locals.api),
      sendingLines(event.locals.api, user.institutionId),
    ]);
    const timeZone = zoneOf(institutions, call.institutionId);
    return { call, institutions, lines, values: valuesOf(call, timeZone), timeZone };
  } catch (cause) {
    pageError(cause, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireRole(event, ['coordinator']);
    const form = await event.request.formData();
    const values = readCallForm(form);
    const api = event.locals.api.exchange;
    const [call, institutions] = await Promise.all([api.call(event.params.id), institutionsOf(event.locals.api)]);
    const parsed = callBody(values, zoneOf(institutions, call.institutionId));
    if (!parsed.body) return refuse(400, { values, errors: parsed.errors, problem: 'validation_failed', saved: false });
    try {
      await api.updateCall(event.params.id, { ...parsed.body, ...(form.get('publish') === 'yes' && { status: 'published' as const }) });
    } catch (cause) {
      if (cause instanceof ApiError && (cause.status === 400 || cause.status === 422)) {
        return refuse(400, { values, errors: fieldErrorsByName(cause), problem: cause.code, saved: false });
      }
      return failure(cause, { values, errors: {}, saved: false });
    }
    return { saved: true, published: form.get('publish') === 'yes' };
  },
};
