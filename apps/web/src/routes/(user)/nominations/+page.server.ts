import { nominationStatuses } from '@exchange/shared';
import { fail } from '@sveltejs/kit';
import { academicYearsAround } from '$lib/exchange/flows';
import { listParams } from '$lib/exchange/list-links';
import { failure, institutionsOf, isId } from '$lib/server/exchange';
import { pageError, requireRole } from '$lib/server/guards';
import { exchangeProblem } from '$lib/exchange/problems';
import { decide } from './decide';
import type { Actions, PageServerLoad } from './$types';

const pageSize = 20;

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['coordinator', 'reviewer', 'admin']);
  const params = listParams(event.url, ['direction', 'academicYear', 'quotaId', 'status', 'q', 'offset']);
  if (params.direction !== 'incoming' && params.direction !== 'outgoing') params.direction = user.role === 'admin' ? '' : 'incoming';
  if (!params.direction) delete params.direction;
  if (params.status && !(nominationStatuses as readonly string[]).includes(params.status)) delete params.status;
  if (params.quotaId && !isId(params.quotaId)) delete params.quotaId;
  try {
    const [list, institutions, agreements] = await Promise.all([
      event.locals.api.exchange.nominations({ ...params, limit: pageSize }),
      institutionsOf(event.locals.api),
      event.locals.api.agreements({ limit: 100 }),
    ]);
    const quotas = (await Promise.all(agreements.items.map((agreement) => event.locals.api.quotas(agreement.id, params.academicYear)))).flat();
    // The lines this list can be narrowed to: those on the chosen side of the user's institution.
    // Only what the filter and the rows show: the page carries every line to the browser.
    const lines = quotas
      .filter((quota) =>
        user.role === 'admin'
          ? true
          : params.direction === 'outgoing'
            ? quota.sendingInstitutionId === user.institutionId
            : quota.receivingInstitutionId === user.institutionId,
      )
      .map(({ id, sendingInstitutionId, receivingInstitutionId, mobilityType, academicYear }) => ({
        id,
        sendingInstitutionId,
        receivingInstitutionId,
        mobilityType,
        academicYear,
      }));
    return { list, institutions, lines, params, years: academicYearsAround(new Date()) };
  } catch (cause) {
    pageError(cause, event);
  }
};

export const actions: Actions = {
  approve: (event) => decide(event, 'approve'),
  reject: (event) => decide(event, 'reject'),
  approveMany: async (event) => {
    requireRole(event, ['coordinator']);
    const form = await event.request.formData();
    const items = form
      .getAll('pick')
      .map(String)
      .map((value) => {
        const [id, proposalId] = value.split(':');
        return { id: id ?? '', proposalId: proposalId ?? '' };
      })
      .filter((item) => isId(item.id) && isId(item.proposalId))
      .slice(0, 100);
    if (items.length === 0) return fail(400, { problem: 'none_picked' });
    try {
      const results = await event.locals.api.exchange.approveMany(items);
      return {
        bulk: {
          approved: results.filter((result) => result.status === 200).length,
          failed: results
            .filter((result) => result.status !== 200)
            .map((result) => ({ id: result.id, code: result.code ?? 'conflict', text: exchangeProblem(result.code ?? 'conflict') })),
        },
      };
    } catch (cause) {
      return failure(cause);
    }
  },
};
