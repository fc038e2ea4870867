import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '@exchange/db';
import { agreementCalendarZone, daysBetween, localDateIn } from '@exchange/shared';
import type { Clock } from '../../lib/clock.js';
import { notify } from '../../lib/notify.js';
import { activeAdminIds, claimExpiryWarnings } from './agreements.repository.js';

/**
 * Warns the administrators 90 and 30 days before an active agreement ends, by notification
 * and e-mail in each one's language. The warning is marked on the agreement in the same
 * transaction (see `claimExpiryWarnings`), so each goes out once whichever instance sends it;
 * a changed end date clears the mark.
 */
export function createExpiryWarnings({ db, clock, log }: { db: Database; clock: Clock; log?: FastifyBaseLogger }) {
  async function sendDue(): Promise<{ warned: number }> {
    const today = localDateIn(clock(), agreementCalendarZone);
    const warned = await db.transaction(async (tx) => {
      const claimed = await claimExpiryWarnings(tx, today);
      if (claimed.length === 0) return 0;
      const admins = await activeAdminIds(tx);
      for (const agreement of claimed) {
        const params = { agreementId: agreement.id, agreement: agreement.title, due: agreement.validTo, days: String(daysBetween(today, agreement.validTo)) };
        for (const userId of admins) await notify(tx, userId, 'agreement.expiring', params);
      }
      return claimed.length;
    });
    if (warned > 0) log?.info({ warned }, 'agreement expiry warnings sent');
    return { warned };
  }
  return { sendDue };
}
export type ExpiryWarnings = ReturnType<typeof createExpiryWarnings>;
