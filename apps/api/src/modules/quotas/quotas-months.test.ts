/** The quota list tells the months a line's stays use next to its `totalMonths`. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mobilities } from '@exchange/db';
import { monthsOfStay } from '@exchange/shared';
import { createTestContext, type TestContext } from '../../test/helper.js';

let t: TestContext;
let admin: string;
let agreementId: string;
beforeAll(async () => {
  t = await createTestContext();
  admin = await t.login('admin@exchange.test');
  agreementId = (await t.request({ method: 'GET', url: '/api/v1/agreements', token: admin })).json().items[0].id;
});
afterAll(() => t?.close());

const list = async () =>
  (await t.request({ method: 'GET', url: `/api/v1/agreements/${agreementId}/quotas`, token: admin })).json().items as {
    id: string;
    monthsUsed: number;
    totalMonths: number | null;
  }[];

describe('months used per quota line', () => {
  it('sums the months of the line’s stays, actual dates over planned ones, and drops a cancelled stay', async () => {
    const stays = await t.database.db.select().from(mobilities);
    const lineId = stays.find((stay) => stay.departedOn !== null)!.quotaId;
    const own = stays.filter((stay) => stay.quotaId === lineId);
    const months = (stay: (typeof own)[number]) => {
      const start = stay.arrivedOn ?? stay.plannedStart;
      const end = stay.departedOn ?? stay.plannedEnd;
      return start && end ? monthsOfStay(start, end) : 0;
    };
    const expected = own.reduce((sum, stay) => sum + months(stay), 0);
    expect(expected).toBeGreaterThan(0);
    const lines = await list();
    expect(lines.find((line) => line.id === lineId)!.monthsUsed).toBe(expected);
    // Lines without stays use nothing.
    const idle = lines.find((line) => !stays.some((stay) => stay.quotaId === line.id))!;
    expect(idle.monthsUsed).toBe(0);

    const dated = own.find((stay) => months(stay) > 0)!;
    await t.database.db.update(mobilities).set({ status: 'cancelled', departedOn: null, arrivedOn: null }).where(eq(mobilities.id, dated.id));
    expect((await list()).find((line) => line.id === lineId)!.monthsUsed).toBe(expected - months(dated));
  });
});
