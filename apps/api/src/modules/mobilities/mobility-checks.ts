import type { Executor } from '@exchange/db';
import { countedMonths, monthsOfStay } from '@exchange/shared';
import { unprocessable } from '../../errors.js';
import { lockLineMonths, staysOnLine, type MobilityRow } from './mobilities.repository.js';
import { findLineValidity } from './mobility-lookups.repository.js';

/** Every date of a stay falls within the agreement's validity. */
export async function requireWithinAgreement(tx: Executor, quotaId: string, dates: { path: string; value: string }[]) {
  const validity = await findLineValidity(tx, quotaId);
  if (!validity) return;
  const outside = dates.filter(({ value }) => value < validity.validFrom || value > validity.validTo);
  if (outside.length > 0) {
    throw unprocessable(
      'outside_agreement',
      `The agreement is valid from ${validity.validFrom} to ${validity.validTo}; every date of the stay must fall within it.`,
      {
        errors: outside.map(({ path }) => ({ path, code: 'outside_agreement', message: `Between ${validity.validFrom} and ${validity.validTo}` })),
      },
    );
  }
}

/** The line's months, with this stay counted by `dates`, stay within its `totalMonths`. */
export async function requireMonthsLeft(tx: Executor, row: MobilityRow, dates: { start: string; end: string }) {
  const line = await lockLineMonths(tx, row.quotaId);
  if (line?.totalMonths == null) return;
  const others = (await staysOnLine(tx, row.quotaId, row.id)).reduce((sum, stay) => sum + countedMonths(stay), 0);
  const needed = monthsOfStay(dates.start, dates.end);
  if (others + needed > line.totalMonths) {
    throw unprocessable(
      'months_exceeded',
      `This quota line allows ${line.totalMonths} months abroad; other stays use ${others}, and this one needs ${needed}. Shorten the stay or ask an administrator to raise the line's months.`,
      { totalMonths: line.totalMonths, used: others, needed },
    );
  }
}
