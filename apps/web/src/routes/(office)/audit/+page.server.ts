import type { Institution } from '@exchange/shared';
import { pageError, requireRole } from '$lib/server/guards';
import { auditQuery } from './audit-filters';
import type { PageServerLoad } from './$types';

const pageSize = 25;

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['coordinator', 'admin']);
  try {
    const institutions = (await event.locals.api.institutions()).items as Institution[];
    const { params, zone, api, offset } = auditQuery(event.url, user, institutions);
    const entries = await event.locals.api.people.audit({ ...api, limit: pageSize, offset });
    return { entries, institutions, params, zone };
  } catch (cause) {
    pageError(cause, event);
  }
};
