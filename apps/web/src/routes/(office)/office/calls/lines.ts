import type { Quota } from '@exchange/shared';
import type { Api } from '$lib/server/api';

/**
 * The quota lines a call may offer: those its institution sends on; with `any`, every party's
 * (an administrator chooses the institution in the form).
 */
export async function sendingLines(api: Api, institutionId: string | null | 'any'): Promise<Quota[]> {
  const agreements = await api.agreements({ limit: 100 });
  const lines = (await Promise.all(agreements.items.map((agreement) => api.quotas(agreement.id)))).flat();
  return lines
    .filter((quota) => institutionId === 'any' || quota.sendingInstitutionId === institutionId)
    .sort((a, b) => b.academicYear.localeCompare(a.academicYear) || a.mobilityType.localeCompare(b.mobilityType));
}
