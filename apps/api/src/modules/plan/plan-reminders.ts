import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '@exchange/db';
import type { Clock } from '../../lib/clock.js';
import { notify } from '../../lib/notify.js';
import { activeCoordinatorIds } from '../../lib/parties.js';
import { claimDueItems } from './plan.repository.js';

const batch = 50;

/**
 * Reminds the owners of a measure (the responsible institution's active coordinators), in
 * each one's language, `daysAhead` days before its deadline. Each item is claimed and marked
 * in one transaction with the notices (see `claimDueItems`), so it is announced once whichever
 * API instance takes it; moving the deadline clears the mark, making a new reminder due.
 */
export function createPlanReminders({ db, clock, daysAhead, log }: { db: Database; clock: Clock; daysAhead: number; log?: FastifyBaseLogger }) {
  async function sendDue(): Promise<{ reminded: number }> {
    const reminded = await db.transaction(async (tx) => {
      const items = await claimDueItems(tx, clock(), daysAhead, batch);
      for (const item of items) {
        const params = { agreementId: item.agreementId, itemId: item.id, measure: item.title, agreement: item.agreementTitle, due: item.deadline };
        for (const userId of await activeCoordinatorIds(tx, [item.responsibleInstitutionId!])) await notify(tx, userId, 'plan.item_due', params);
      }
      return items.length;
    });
    if (reminded > 0) log?.info({ reminded }, 'plan of measures reminders sent');
    return { reminded };
  }
  return { sendDue };
}
export type PlanReminders = ReturnType<typeof createPlanReminders>;
