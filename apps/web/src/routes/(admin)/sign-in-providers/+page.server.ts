import { fail } from '@sveltejs/kit';
import { ApiError, fieldErrorsByName } from '$lib/server/api';
import { pageError } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  try {
    const institutions = (await event.locals.api.institutions()).items;
    const providers = await Promise.all(institutions.map((institution) => event.locals.api.ownAccount.identityProvider(institution.id)));
    return {
      institutions: institutions.map((institution, index) => ({ institution, provider: providers[index] ?? null })),
      // What administrators register at each provider as the client's redirect URI.
      redirectUri: new URL('/login/oidc/callback', event.url.origin).href,
    };
  } catch (cause) {
    pageError(cause, event);
  }
};

const uuid = /^[0-9a-f-]{36}$/i;

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const form = await request.formData();
    const institutionId = String(form.get('institutionId') ?? '');
    const values = {
      issuer: String(form.get('issuer') ?? '').trim(),
      clientId: String(form.get('clientId') ?? '').trim(),
      displayName: String(form.get('displayName') ?? '').trim(),
      enabled: form.get('enabled') === 'on',
    };
    const clientSecret = String(form.get('clientSecret') ?? '');
    const errors: Record<string, string> = {};
    if (!/^https?:\/\/\S+$/.test(values.issuer)) errors.issuer = 'issuer_invalid';
    if (!values.clientId) errors.clientId = 'required';
    if (!values.displayName) errors.displayName = 'required';
    if (!uuid.test(institutionId)) return fail(404, { institutionId, values, errors: {}, problem: 'not_found' });
    if (Object.keys(errors).length > 0) return fail(400, { institutionId, values, errors, problem: null });
    try {
      await locals.api.ownAccount.saveIdentityProvider(institutionId, { ...values, ...(clientSecret ? { clientSecret } : {}) });
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      const byField = fieldErrorsByName(cause);
      if (Object.keys(byField).length > 0) {
        const shown = Object.fromEntries(
          Object.entries(byField).map(([name, code]) => [
            name,
            name === 'issuer' ? 'issuer_invalid' : code === 'client_secret_required' ? 'secret_required' : 'required',
          ]),
        );
        return fail(400, { institutionId, values, errors: shown, problem: null });
      }
      const problem = cause.status === 404 ? 'not_found' : cause.status >= 500 ? 'unavailable' : 'unexpected';
      return fail(cause.status >= 500 ? 503 : cause.status, { institutionId, values, errors: {}, problem });
    }
    return { institutionId, saved: true };
  },
};
