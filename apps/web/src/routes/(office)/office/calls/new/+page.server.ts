import { academicYearOf, type CallCreate } from '@exchange/shared';
import { redirect } from '@sveltejs/kit';
import { ApiError, fieldErrorsByName } from '$lib/server/api';
import { failure, refuse, institutionsOf, isId, zoneOf } from '$lib/server/exchange';
import { pageError, requireRole } from '$lib/server/guards';
import { callBody, readCallForm, type CallValues } from '$lib/exchange/call-form';
import { sendingLines } from '../lines';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['coordinator', 'admin']);
  // An administrator chooses whose call it is (`?institution=` preselects one); a coordinator's is its own.
  const chooses = user.role === 'admin';
  try {
    const [institutions, lines] = await Promise.all([institutionsOf(event.locals.api), sendingLines(event.locals.api, chooses ? 'any' : user.institutionId)]);
    const asked = event.url.searchParams.get('institution');
    const institutionId = chooses ? (institutions.find((item) => item.id === asked) ?? institutions[0])?.id : user.institutionId;
    const now = new Date();
    const next = academicYearOf(new Date(now.getTime() + 365 * 86_400_000));
    const values: CallValues = {
      titleRu: '',
      titleZh: '',
      titleEn: '',
      descriptionRu: '',
      descriptionZh: '',
      descriptionEn: '',
      academicYear: next,
      mobilityType: 'semester',
      opensAt: '',
      closesAt: '',
      maxPreferences: '3',
      minGpa: '',
      languageLanguage: '',
      languageScale: '',
      languageLevel: '',
      requiredDocuments: ['motivation_letter', 'transcript'],
      requiredIdentity: [],
      quotaIds: [],
      ...(chooses && institutionId && { institutionId }),
    };
    return { institutions, lines, values, timeZone: zoneOf(institutions, institutionId), chooseInstitution: chooses };
  } catch (cause) {
    pageError(cause, event);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const user = requireRole(event, ['coordinator', 'admin']);
    const form = await event.request.formData();
    const values = readCallForm(form);
    const institutions = await institutionsOf(event.locals.api);
    // Only an administrator's form names the institution; a coordinator's calls are always its own.
    const chosen = user.role === 'admin' ? String(form.get('institutionId') ?? '') : null;
    if (chosen !== null) values.institutionId = chosen;
    const known = chosen === null || (isId(chosen) && institutions.some((item) => item.id === chosen));
    const parsed = callBody(values, zoneOf(institutions, chosen ?? user.institutionId));
    if (!known) parsed.errors.institutionId = 'required';
    if (!parsed.body || !known) return refuse(400, { values, errors: parsed.errors, problem: 'validation_failed' });
    let id: string;
    try {
      id = (
        await event.locals.api.exchange.createCall({
          ...parsed.body,
          ...(chosen !== null && { institutionId: chosen }),
          status: 'draft',
        } satisfies CallCreate)
      ).id;
    } catch (cause) {
      if (cause instanceof ApiError && (cause.status === 400 || cause.status === 422)) {
        return refuse(400, { values, errors: fieldErrorsByName(cause), problem: cause.code });
      }
      return failure(cause, { values, errors: {} });
    }
    redirect(303, `/calls/${id}?created=1`);
  },
};
