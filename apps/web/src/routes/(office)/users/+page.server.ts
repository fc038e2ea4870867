import { coordinatorManagedRoles, locales, roles, userStatuses, type Institution, type Locale, type Role } from '@exchange/shared';
import { fail } from '@sveltejs/kit';
import { listParams } from '$lib/exchange/list-links';
import { ApiError, fieldErrorsByName } from '$lib/server/api';
import { pageError, requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const pageSize = 20;
const isUuid = (value: string) => /^[0-9a-f-]{36}$/i.test(value);

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['coordinator', 'admin']);
  const params = listParams(event.url, ['q', 'role', 'status', 'institutionId', 'offset']);
  const query = {
    q: params.q,
    role: (roles as readonly string[]).includes(params.role ?? '') ? params.role : undefined,
    status: (userStatuses as readonly string[]).includes(params.status ?? '') ? params.status : undefined,
    institutionId: user.role === 'admin' && isUuid(params.institutionId ?? '') ? params.institutionId : undefined,
    offset: Number(params.offset ?? 0),
    limit: pageSize,
  };
  try {
    const [people, institutions] = await Promise.all([
      event.locals.api.users(query as Parameters<typeof event.locals.api.users>[0]),
      event.locals.api.institutions().then((answer) => answer.items as Institution[]),
    ]);
    const creatableRoles: readonly Role[] = user.role === 'admin' ? roles : coordinatorManagedRoles;
    return { people, institutions, params, creatableRoles };
  } catch (cause) {
    pageError(cause, event);
  }
};

type Values = { email: string; fullName: string; role: string; institutionId: string; locale: string };

function failure(cause: unknown, extra: Record<string, unknown> = {}) {
  if (!(cause instanceof ApiError)) throw cause;
  const problem = cause.status === 404 ? 'not_found' : cause.status >= 500 ? 'unavailable' : cause.code;
  return fail(cause.status >= 500 ? 503 : cause.status, { problem, errors: fieldErrorsByName(cause), ...extra });
}

async function idAndName(event: Parameters<Actions[string]>[0]) {
  const form = await event.request.formData();
  return { form, id: String(form.get('id') ?? ''), name: String(form.get('name') ?? '').slice(0, 200) };
}

export const actions: Actions = {
  /** A new account without a password: the API e-mails its owner the invitation link. */
  create: async (event) => {
    const user = requireRole(event, ['coordinator', 'admin']);
    const form = await event.request.formData();
    const values: Values = {
      email: String(form.get('email') ?? '').trim(),
      fullName: String(form.get('fullName') ?? '').trim(),
      role: String(form.get('role') ?? 'student'),
      institutionId: user.role === 'admin' ? String(form.get('institutionId') ?? '') : (user.institutionId ?? ''),
      locale: String(form.get('locale') ?? 'ru'),
    };
    const errors: Record<string, string> = {};
    if (!values.email) errors.email = 'required';
    if (!values.fullName) errors.fullName = 'required';
    if (!(roles as readonly string[]).includes(values.role)) errors.role = 'required';
    if (values.role !== 'admin' && !isUuid(values.institutionId)) errors.institutionId = 'required';
    if (Object.keys(errors).length > 0) return fail(400, { action: 'create', values, errors, problem: 'validation_failed' });
    try {
      const created = await event.locals.api.people.createUser({
        email: values.email,
        fullName: values.fullName,
        role: values.role as Role,
        institutionId: values.role === 'admin' ? null : values.institutionId,
        locale: ((locales as readonly string[]).includes(values.locale) ? values.locale : 'en') as Locale,
      });
      return { action: 'create', done: 'invited', name: created.fullName, email: created.email };
    } catch (cause) {
      return failure(cause, { action: 'create', values });
    }
  },

  inviteAgain: async (event) => {
    requireRole(event, ['coordinator', 'admin']);
    const { id, name } = await idAndName(event);
    if (!isUuid(id)) return fail(400, { problem: 'validation_failed' });
    try {
      const account = await event.locals.api.people.inviteAgain(id);
      return { action: 'inviteAgain', done: 'invited_again', name, email: account.email };
    } catch (cause) {
      return failure(cause, { action: 'inviteAgain' });
    }
  },

  /** Disabling asks first; the confirmed form ends the account's sessions at once (the API does). */
  disable: async (event) => {
    requireRole(event, ['coordinator', 'admin']);
    const { form, id, name } = await idAndName(event);
    if (!isUuid(id)) return fail(400, { problem: 'validation_failed' });
    if (form.get('confirm') !== 'yes') return { action: 'disable', confirm: { id, name } };
    try {
      const account = await event.locals.api.updateUser(id, { status: 'disabled' });
      return { action: 'disable', done: 'disabled', name: account.fullName };
    } catch (cause) {
      return failure(cause, { action: 'disable' });
    }
  },

  enable: async (event) => {
    requireRole(event, ['coordinator', 'admin']);
    const { id } = await idAndName(event);
    if (!isUuid(id)) return fail(400, { problem: 'validation_failed' });
    try {
      const account = await event.locals.api.updateUser(id, { status: 'active' });
      return { action: 'enable', done: 'enabled', name: account.fullName };
    } catch (cause) {
      return failure(cause, { action: 'enable' });
    }
  },
};
