import { isLocale } from '@exchange/shared';
import { fail, redirect } from '@sveltejs/kit';
import { passwordErrorFromApi, readNewPassword } from '$lib/account/new-password';
import { ApiError, fieldErrorsByName } from '$lib/server/api';
import { pageError, requireUser } from '$lib/server/guards';
import { localeCookie, localeCookieOptions, sessionCookie, sessionCookieOptions } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  try {
    const [account, sessions, institutions] = await Promise.all([
      event.locals.api.account(),
      event.locals.api.ownAccount.sessions(),
      event.locals.api.institutions().then((answer) => answer.items),
    ]);
    const zone = institutions.find((item) => item.id === user.institutionId)?.timeZone ?? 'UTC';
    return { account, sessions: sessions.items, zone };
  } catch (cause) {
    pageError(cause, event);
  }
};

/** A failure the page shows above its forms. */
const problemOf = (error: ApiError) =>
  error.status === 429 ? 'rate_limited' : error.status >= 500 ? 'unavailable' : error.status === 404 ? 'not_found' : 'unexpected';
const statusOf = (error: ApiError) => (error.status >= 500 ? 503 : error.status);

export const actions: Actions = {
  profile: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = {
      fullName: String(form.get('fullName') ?? '').trim(),
      fullNameLatin: String(form.get('fullNameLatin') ?? '').trim(),
      locale: String(form.get('locale') ?? ''),
    };
    const errors: Record<string, string> = {};
    if (!values.fullName) errors.fullName = 'required';
    else if (values.fullName.length > 200) errors.fullName = 'too_long_text';
    if (values.fullNameLatin && !/^\p{Script=Latin}[\p{Script=Latin} '.-]*$/u.test(values.fullNameLatin)) errors.fullNameLatin = 'latin_invalid';
    if (!isLocale(values.locale)) errors.locale = 'required';
    if (Object.keys(errors).length > 0 || !isLocale(values.locale)) return fail(400, { form: 'profile', values, errors });
    try {
      await event.locals.api.updateMe({ fullName: values.fullName, fullNameLatin: values.fullNameLatin, locale: values.locale });
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      const fieldErrors = fieldErrorsByName(cause);
      if (Object.keys(fieldErrors).length > 0) {
        const shown = Object.fromEntries(Object.keys(fieldErrors).map((name) => [name, name === 'fullNameLatin' ? 'latin_invalid' : 'field_invalid']));
        return fail(400, { form: 'profile', values, errors: shown });
      }
      return fail(statusOf(cause), { form: 'profile', values, errors: {}, problem: problemOf(cause) });
    }
    // The pages follow the language the profile names from now on.
    event.cookies.set(localeCookie, values.locale, localeCookieOptions(event.url));
    return { form: 'profile', saved: true };
  },

  password: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const current = String(form.get('current') ?? '');
    const { password, errors } = readNewPassword(form);
    const all: Record<string, string> = { ...errors, ...(current ? {} : { current: 'required' }) };
    if (Object.keys(all).length > 0) return fail(400, { form: 'password', errors: all });
    try {
      // Every other session ends; this one continues on the new session the API opens.
      const session = await event.locals.api.ownAccount.changePassword(current, password);
      event.cookies.set(sessionCookie, session.token, sessionCookieOptions(event.url));
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      if (cause.code === 'wrong_password') return fail(400, { form: 'password', errors: { current: 'wrong_password' } });
      const passwordError = passwordErrorFromApi(cause, 'newPassword');
      if (passwordError) return fail(400, { form: 'password', errors: passwordError });
      return fail(statusOf(cause), { form: 'password', errors: {}, problem: problemOf(cause) });
    }
    return { form: 'password', saved: true };
  },

  endSession: async (event) => {
    requireUser(event);
    const id = String((await event.request.formData()).get('id') ?? '');
    try {
      await event.locals.api.ownAccount.endSession(id);
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      // Ended meanwhile, or not a session at all: the list shows what is left.
      if (cause.status !== 404 && cause.status !== 400) return fail(statusOf(cause), { form: 'sessions', problem: problemOf(cause) });
    }
    return { form: 'sessions', ended: 'one' };
  },

  endOthers: async (event) => {
    requireUser(event);
    // Hard to undo for whoever is on the other devices: asked first, without JavaScript too.
    if ((await event.request.formData()).get('confirm') !== 'yes') return fail(400, { form: 'sessions', problem: 'confirm_needed' });
    try {
      await event.locals.api.ownAccount.endOtherSessions();
    } catch (cause) {
      if (!(cause instanceof ApiError)) throw cause;
      if (cause.status === 401) redirect(303, '/login');
      return fail(statusOf(cause), { form: 'sessions', problem: problemOf(cause) });
    }
    return { form: 'sessions', ended: 'others' };
  },
};
