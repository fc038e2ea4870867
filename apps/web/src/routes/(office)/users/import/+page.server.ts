import { userImportFields, userImportMaxBytes, type Institution, type UserImportPreview } from '@exchange/shared';
import { fail, redirect } from '@sveltejs/kit';
import { ApiError } from '$lib/server/api';
import { pageError, requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event, ['coordinator', 'admin']);
  try {
    return { institutions: (await event.locals.api.institutions()).items as Institution[] };
  } catch (cause) {
    pageError(cause, event);
  }
};

/**
 * The list being worked on: a newly chosen file, or the one read before, which the page keeps
 * in a hidden field so that mapping and importing work without JavaScript and on any web
 * server instance.
 */
async function listOf(form: FormData) {
  const chosen = form.get('file');
  if (chosen instanceof File && chosen.size > 0) {
    if (chosen.size > userImportMaxBytes) return 'too_large' as const;
    const bytes = Buffer.from(await chosen.arrayBuffer());
    return { name: chosen.name.slice(0, 200), content: new Blob([bytes]), data: bytes.toString('base64') };
  }
  const data = String(form.get('fileData') ?? '');
  if (!data || data.length > (userImportMaxBytes * 4) / 3 + 4) return undefined;
  const bytes = Buffer.from(data, 'base64');
  return { name: String(form.get('fileName') ?? 'list').slice(0, 200), content: new Blob([bytes]), data };
}

/** The columns chosen on the page; none before the first preview (the API guesses from the header). */
function mappingOf(form: FormData) {
  if (form.get('mapped') !== 'yes') return undefined;
  const mapping: Record<string, number | null> = {};
  for (const field of userImportFields) {
    const value = String(form.get(`map_${field}`) ?? '');
    mapping[field] = /^\d{1,3}$/.test(value) ? Number(value) : null;
  }
  return mapping;
}

async function read(event: Parameters<Actions[string]>[0]) {
  const user = requireRole(event, ['coordinator', 'admin']);
  const form = await event.request.formData();
  const institutionId = user.role === 'admin' ? String(form.get('institutionId') ?? '') || undefined : undefined;
  return { list: await listOf(form), mapping: mappingOf(form), institutionId };
}

function refused(cause: unknown, kept: Record<string, unknown>) {
  if (!(cause instanceof ApiError)) throw cause;
  const problem = cause.status >= 500 ? 'unavailable' : cause.status === 404 ? 'not_found' : cause.code;
  const cell = cause.fieldErrors[0]?.path.replace(/^file\./, '') ?? '';
  return fail(cause.status >= 500 ? 503 : cause.status, { problem, cell, ...kept });
}

export const actions: Actions = {
  preview: async (event) => {
    const { list, mapping, institutionId } = await read(event);
    if (list === 'too_large') return fail(413, { problem: 'file_too_large', cell: '' });
    if (!list) return fail(400, { problem: 'file_required', cell: '' });
    const kept = { file: { name: list.name, data: list.data }, institutionId: institutionId ?? '', mapping: mapping ?? null };
    try {
      const preview: UserImportPreview = await event.locals.api.people.previewImport(list, { mapping, institutionId });
      return { ...kept, preview };
    } catch (cause) {
      return refused(cause, kept);
    }
  },

  import: async (event) => {
    const { list, mapping, institutionId } = await read(event);
    if (list === 'too_large') return fail(413, { problem: 'file_too_large', cell: '' });
    if (!list) return fail(400, { problem: 'file_required', cell: '' });
    let id: string;
    try {
      id = (await event.locals.api.people.startImport(list, { mapping, institutionId })).id;
    } catch (cause) {
      return refused(cause, { file: { name: list.name, data: list.data }, institutionId: institutionId ?? '', mapping: mapping ?? null });
    }
    redirect(303, `/users/import/${id}`);
  },
};
