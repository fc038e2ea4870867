import { canManageCentreEvents, checkInPath, type Centre, type Institution, type Registration } from '@exchange/shared';
import { fail, redirect } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { ApiError } from '$lib/server/api';
import { pageError } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { params, locals, url } = event;
  try {
    const [item, centres, institutions] = await Promise.all([
      locals.api.events.get(params.id),
      locals.api.events.centres().then((answer) => answer.items),
      locals.api.institutions().then((answer) => answer.items),
    ]);
    let registration: Registration | null = null;
    if (locals.user) {
      try {
        registration = await locals.api.events.mine(params.id);
      } catch (cause) {
        if (!(cause instanceof ApiError && cause.status === 404)) throw cause;
      }
    }
    // The QR code carries the registrant's secret to the coordinator's door page.
    let qrSvg: string | null = null;
    let checkInUrl: string | null = null;
    if (registration?.status === 'confirmed' && registration.checkInCode && item.status === 'published') {
      checkInUrl = `${url.origin}${checkInPath(item.id, registration.checkInCode)}`;
      qrSvg = await QRCode.toString(checkInUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    }
    const ownZone = institutions.find((inst) => inst.id === locals.user?.institutionId)?.timeZone ?? null;
    return {
      event: item,
      centre: (centres as Centre[]).find((centre) => centre.id === item.centreId) ?? null,
      institutions: institutions as Institution[],
      registration: registration ? { ...registration, checkInCode: undefined } : null,
      qrSvg,
      checkInUrl,
      ownZone,
      canManage: canManageCentreEvents(locals.user, item.institutionId),
    };
  } catch (cause) {
    pageError(cause, event);
  }
};

function failure(cause: unknown) {
  if (!(cause instanceof ApiError)) throw cause;
  return fail(cause.status >= 500 ? 503 : cause.status, { problem: cause.status >= 500 ? 'unavailable' : cause.code, done: null });
}

export const actions: Actions = {
  register: async ({ locals, params, url }) => {
    if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
    try {
      const registration = await locals.api.events.register(params.id);
      return { done: registration.status === 'confirmed' ? ('confirmed' as const) : ('waitlisted' as const), problem: null };
    } catch (cause) {
      return failure(cause);
    }
  },
  cancel: async ({ locals, params, url }) => {
    if (!locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
    try {
      await locals.api.events.unregister(params.id);
      return { done: 'cancelled' as const, problem: null };
    } catch (cause) {
      return failure(cause);
    }
  },
};
