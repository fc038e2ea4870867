import { nominationStatuses, type Quota, type User } from '@exchange/shared';
import { fail } from '@sveltejs/kit';
import type { Api } from '$lib/server/api';
import { academicYearsAround } from '$lib/exchange/flows';
import { listParams } from '$lib/exchange/list-links';
import { failure, institutionsOf, isId } from '$lib/server/exchange';
import { pageError, requireRole } from '$lib/server/guards';
import { exchangeProblem } from '$lib/exchange/problems';
import { decide } from './decide';
import type { Actions, PageServerLoad } from './$types';

const pageSize = 20;

type FilterLine = Pick<Quota, 'id' | 'sendingInstitutionId' | 'receivingInstitutionId' | 'mobilityType' | 'academicYear'>;

/**
 * The lines a user can narrow the list to, kept a minute per user, direction and year: a line's
 * parties, type and year never change, and reading them costs the API a request per agreement
 * that also counts every stay on its lines. Paging and filtering the list reuse them.
 */
const linesKept = new Map<string, { until: number; lines: Promise<FilterLine[]> }>();
const linesKeptFor = 60_000;

function filterLines(api: Api, user: User, direction: string | undefined, academicYear: string | undefined): Promise<FilterLine[]> {
  const key = `${user.id}:${user.role}:${user.institutionId ?? ''}:${direction ?? ''}:${academicYear ?? ''}`;
  const now = Date.now();
  const kept = linesKept.get(key);
  if (kept && kept.until > now) return kept.lines;
  const lines = readFilterLines(api, user, direction, academicYear);
  if (linesKept.size >= 1000) {
    for (const [stale, entry] of linesKept) if (entry.until <= now) linesKept.delete(stale);
    if (linesKept.size >= 1000) linesKept.clear();
  }
  linesKept.set(key, { until: now + linesKeptFor, lines });
  // A failed read is not kept: the next request asks again.
  lines.catch(() => linesKept.delete(key));
  return lines;
}

async function readFilterLines(api: Api, user: User, direction: string | undefined, academicYear: string | undefined): Promise<FilterLine[]> {
  const agreements = await api.agreements({ limit: 100 });
  const quotas = (await Promise.all(agreements.items.map((agreement) => api.quotas(agreement.id, academicYear)))).flat();
  // Only the lines on the chosen side of the user's institution, and only what the filter and the
  // rows show: the page carries every line to the browser.
  return quotas
    .filter((quota) =>
      user.role === 'admin'
        ? true
        : direction === 'outgoing'
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
}

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event, ['coordinator', 'reviewer', 'admin']);
  const params = listParams(event.url, ['direction', 'academicYear', 'quotaId', 'status', 'q', 'offset']);
  if (params.direction !== 'incoming' && params.direction !== 'outgoing') params.direction = user.role === 'admin' ? '' : 'incoming';
  if (!params.direction) delete params.direction;
  if (params.status && !(nominationStatuses as readonly string[]).includes(params.status)) delete params.status;
  if (params.quotaId && !isId(params.quotaId)) delete params.quotaId;
  try {
    const [list, institutions, lines] = await Promise.all([
      event.locals.api.exchange.nominations({ ...params, limit: pageSize }),
      institutionsOf(event.locals.api),
      filterLines(event.locals.api, user, params.direction, params.academicYear),
    ]);
    // Each row shows a few of a nomination's fields; the dossier (motivation, documents,
    // certificates) is on the nomination's own page, and is not sent to the browser for the list.
    const items = list.items.map(
      ({ id, proposalId, status, sendingInstitutionId, receivingInstitutionId, academicYear, callTitle, comment, commentLocale, student }) => ({
        id,
        proposalId,
        status,
        sendingInstitutionId,
        receivingInstitutionId,
        academicYear,
        callTitle,
        comment,
        commentLocale,
        student: { fullName: student.fullName, fullNameLatin: student.fullNameLatin },
      }),
    );
    return { list: { ...list, items }, institutions, lines, params, years: academicYearsAround(new Date()) };
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
