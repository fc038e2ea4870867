import type { Institution } from '@exchange/shared';
import { institutionName } from '$lib/i18n';

/** How the home page's panels name the parties of the agreement and find their time zones. */
export function institutionLookup(institutions: Institution[]) {
  const find = (id: string | null | undefined) => institutions.find((item) => item.id === id);
  return {
    zoneOf: (id: string | null | undefined) => find(id)?.timeZone ?? 'Europe/Moscow',
    party: (id: string) => find(id)?.code ?? '—',
    partyName: (id: string) => {
      const found = find(id);
      return found ? institutionName(found) : '—';
    },
  };
}
