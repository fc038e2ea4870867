/**
 * The audit page's filters as the URL carries them, and as the API takes them: dates are days
 * of the reader's time zone (from the first moment of `from` to the end of `to`).
 */
import { zonedLocalToInstant, type Institution, type User } from '@exchange/shared';
import { listParams } from '$lib/exchange/list-links';

export const filterKeys = ['actor', 'action', 'entityType', 'institutionId', 'from', 'to', 'offset'] as const;
const isDate = (value: string | undefined): value is string => /^\d{4}-\d{2}-\d{2}$/.test(value ?? '') && !Number.isNaN(Date.parse(value!));

/** The zone the reader's dates are in: their institution's; an administrator's, the chosen institution's or Moscow. */
export function readerZone(user: User, institutions: Institution[], chosen: string | undefined): string {
  const id = user.institutionId ?? chosen;
  return institutions.find((institution) => institution.id === id)?.timeZone ?? 'Europe/Moscow';
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

export function auditQuery(url: URL, user: User, institutions: Institution[]) {
  const params = listParams(url, filterKeys);
  if (user.role !== 'admin') delete params.institutionId;
  if (params.institutionId && !/^[0-9a-f-]{36}$/i.test(params.institutionId)) delete params.institutionId;
  const zone = readerZone(user, institutions, params.institutionId);
  const api: Record<string, string | undefined> = {
    actor: params.actor,
    action: params.action,
    entityType: params.entityType,
    institutionId: params.institutionId,
    from: isDate(params.from) ? zonedLocalToInstant(`${params.from}T00:00`, zone).toISOString() : undefined,
    to: isDate(params.to) ? zonedLocalToInstant(`${nextDay(params.to)}T00:00`, zone).toISOString() : undefined,
  };
  return { params, zone, api, offset: Number(params.offset ?? 0) };
}
