import type { Institution } from '@exchange/shared';
import { fail } from '@sveltejs/kit';
import { ApiError } from '$lib/server/api';
import { pageError, requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event, ['admin']);
  try {
    const [centres, institutions] = await Promise.all([
      event.locals.api.events.centres().then((answer) => answer.items),
      event.locals.api.institutions().then((answer) => answer.items as Institution[]),
    ]);
    return { centres, institutions };
  } catch (cause) {
    pageError(cause, event);
  }
};

const fields = ['institutionId', 'nameRu', 'nameZh', 'nameEn', 'descriptionRu', 'descriptionZh', 'descriptionEn'] as const;
type Values = Record<(typeof fields)[number], string>;
type Errors = Partial<Record<'institutionId' | 'name', string>>;

export const actions: Actions = {
  default: async (event) => {
    requireRole(event, ['admin']);
    const form = await event.request.formData();
    const values = Object.fromEntries(fields.map((name) => [name, String(form.get(name) ?? '').slice(0, 4000)])) as Values;
    const errors: Errors = {};
    if (!/^[0-9a-f-]{36}$/i.test(values.institutionId)) errors.institutionId = 'required';
    if (!values.nameRu.trim() && !values.nameZh.trim() && !values.nameEn.trim()) errors.name = 'required';
    if (Object.keys(errors).length > 0) return fail(400, { values, errors, problem: 'validation_failed', created: null });
    try {
      const created = await event.locals.api.events.createCentre({
        institutionId: values.institutionId,
        name: { ru: values.nameRu, zh: values.nameZh, en: values.nameEn },
        description: { ru: values.descriptionRu, zh: values.descriptionZh, en: values.descriptionEn },
      });
      return { values: null, errors: {} as Errors, problem: null, created: created.name };
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      return fail(cause.status >= 500 ? 503 : 400, {
        values,
        errors: {} as Errors,
        problem: cause.status >= 500 ? 'unavailable' : cause.code,
        created: null,
      });
    }
  },
};
