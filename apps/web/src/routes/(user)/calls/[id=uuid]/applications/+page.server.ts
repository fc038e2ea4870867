import { applicationStatuses } from '@exchange/shared';
import { listParams } from '$lib/exchange/list-links';
import { institutionsOf } from '$lib/server/exchange';
import { pageError, requireRole } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

const filterKeys = ['status', 'quotaId', 'minScore', 'maxScore', 'q', 'sort', 'order', 'offset'] as const;
const pageSize = 20;

export const load: PageServerLoad = async (event) => {
  requireRole(event, ['coordinator', 'reviewer', 'admin']);
  const params = listParams(event.url, filterKeys);
  if (params.status && !(applicationStatuses as readonly string[]).includes(params.status)) delete params.status;
  const api = event.locals.api.exchange;
  try {
    const [call, institutions, list] = await Promise.all([
      api.call(event.params.id),
      institutionsOf(event.locals.api),
      api.applications({ ...params, callId: event.params.id, limit: pageSize }),
    ]);
    return { call, institutions, list, params };
  } catch (cause) {
    pageError(cause, event);
  }
};
