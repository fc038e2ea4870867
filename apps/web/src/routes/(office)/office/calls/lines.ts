import type { Quota } from '@exchange/shared';
import type { Api } from '$lib/server/api';

/** The quota lines a coordinator's calls may offer: those their institution sends on. */
export async function sendingLines(api: Api, institutionId: string | null): Promise<Quota[]> {
  const agreements = await api.agreements({ limit: 100 });
  const lines = (await Promise.all(agreements.items.map((agreement) => api.quotas(agreement.id)))).flat();
  return lines
    .filter((quota) => quota.sendingInstitutionId === institutionId)
    .sort((a, b) => b.academicYear.localeCompare(a.academicYear) || a.mobilityType.localeCompare(b.mobilityType));
}
