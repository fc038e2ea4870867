import { isAcademicYear, type Quota } from '@exchange/shared';
import { pageError, requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const { locals, params, url } = event;
  try {
    const [agreement, quotas] = await Promise.all([locals.api.agreement(params.id), locals.api.quotas(params.id)]);
    const years = [...new Set(quotas.map((quota) => quota.academicYear))].sort();
    const wanted = url.searchParams.get('academicYear') ?? '';
    const academicYear = isAcademicYear(wanted) ? wanted : null;
    const shown = academicYear ? quotas.filter((quota) => quota.academicYear === academicYear) : quotas;
    const byYear = new Map<string, Quota[]>();
    for (const quota of shown) byYear.set(quota.academicYear, [...(byYear.get(quota.academicYear) ?? []), quota]);
    return {
      agreement,
      years,
      academicYear,
      quotaYears: [...byYear.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([year, lines]) => ({ year, lines })),
      updated: url.searchParams.get('updated'),
      created: url.searchParams.get('created'),
    };
  } catch (cause) {
    pageError(cause, event);
  }
};
