import type { Institution } from '@exchange/shared';
import { loadDashboard } from '$lib/server/dashboard';
import { institutionsOf } from '$lib/server/exchange';
import { log } from '$lib/server/log';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const [institutions, dashboard] = await Promise.all([
    institutionsOf(locals.api).catch((error: unknown): Institution[] | undefined => {
      log.warn('Institutions unavailable for the home page', { error: String(error) });
      return undefined;
    }),
    locals.user ? loadDashboard(locals.api, locals.user) : undefined,
  ]);
  return { institutions: institutions ?? [], institutionsUnavailable: !institutions, dashboard, now: new Date().toISOString() };
};
