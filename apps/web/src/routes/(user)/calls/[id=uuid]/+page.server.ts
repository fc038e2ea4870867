import { redirect } from '@sveltejs/kit';
import { reachesPastAgreement } from '@exchange/shared';
import { ApiError } from '$lib/server/api';
import { failure, institutionsOf } from '$lib/server/exchange';
import { pageError, requireRole, requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const api = event.locals.api.exchange;
  try {
    const [call, institutions, applications] = await Promise.all([
      api.call(event.params.id),
      institutionsOf(event.locals.api),
      user.role === 'student' ? api.applications({ callId: event.params.id, limit: 20 }).then((answer) => answer.items) : Promise.resolve([]),
    ]);
    // The agreements of the call's quota lines that end before the call's academic year (or the call) does.
    // Each agreement is read by its id: a list would hold only its first page.
    const agreementIds = [...new Set(call.quotas.map((quota) => quota.agreementId))];
    const agreements = await Promise.all(agreementIds.map((id) => event.locals.api.agreement(id).catch(() => null)));
    const beyondAgreements = agreements
      .filter((agreement) => agreement !== null)
      .filter((agreement) => reachesPastAgreement(agreement.validTo, { academicYear: call.academicYear, until: call.closesAt }))
      .map((agreement) => ({ id: agreement.id, title: agreement.title, validTo: agreement.validTo }));
    return {
      call,
      beyondAgreements,
      institutions,
      application: applications.find((item) => item.status !== 'withdrawn') ?? null,
      now: new Date().toISOString(),
    };
  } catch (cause) {
    pageError(cause, event);
  }
};

export const actions: Actions = {
  apply: async (event) => {
    requireRole(event, ['student']);
    let id: string;
    try {
      id = (await event.locals.api.exchange.startApplication(event.params.id)).id;
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'already_applied') {
        const existing = await event.locals.api.exchange.applications({ callId: event.params.id, limit: 20 });
        const current = existing.items.find((item) => item.status !== 'withdrawn');
        if (current) redirect(303, `/applications/${current.id}`);
      }
      return failure(cause);
    }
    redirect(303, `/applications/${id}`);
  },
  publish: async (event) => {
    requireRole(event, ['coordinator']);
    try {
      await event.locals.api.exchange.updateCall(event.params.id, { status: 'published' });
      return { published: true };
    } catch (cause) {
      return failure(cause);
    }
  },
};
