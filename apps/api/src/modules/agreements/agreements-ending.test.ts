/** The agreements ending soon, asked of the API, however many agreements there are. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreements } from '@exchange/db';
import { createTestContext, type TestContext } from '../../test/helper.js';

let t: TestContext;
let admin = '';
// 15 October 2026: the demo agreement (until 31 December 2026) has 77 days left.
const now = new Date('2026-10-15T04:00:00Z');
const title = (en: string) => ({ en, ru: en, zh: en });
beforeAll(async () => {
  t = await createTestContext({ clock: () => now });
  admin = await t.login('admin@exchange.test');
  // More than a page of newer agreements, listed before the demo one, that end years later.
  await t.database.db
    .insert(agreements)
    .values(Array.from({ length: 120 }, (_, i) => ({ title: title(`Later ${i}`), validFrom: '2026-09-01', validTo: '2030-08-31', status: 'active' as const })));
  await t.database.db.insert(agreements).values([
    { title: title('Ends in November'), validFrom: '2025-01-01', validTo: '2026-11-30', status: 'active' },
    { title: title('Ended yesterday'), validFrom: '2025-01-01', validTo: '2026-10-14', status: 'active' },
    { title: title('Draft ending soon'), validFrom: '2025-01-01', validTo: '2026-11-01', status: 'draft' },
    { title: title('Ends in 91 days'), validFrom: '2025-01-01', validTo: '2027-01-14', status: 'active' },
  ]);
}, 120_000);
afterAll(() => t?.close());

const list = (query: string) => t.request({ method: 'GET', url: `/api/v1/agreements?${query}`, token: admin });

describe('agreements ending soon', () => {
  it('lists the active agreements ending within the days asked, the soonest first, past any page of others', async () => {
    const everything = await list('limit=100');
    expect(everything.json().total).toBeGreaterThan(100);
    expect(everything.json().items.some((agreement: { title: { en: string } }) => agreement.title.en === 'Ends in November')).toBe(false);

    const ending = await list('endingWithinDays=90&limit=100');
    expect(ending.statusCode).toBe(200);
    expect(ending.json().total).toBe(2);
    expect(ending.json().items.map((agreement: { validTo: string; expiresInDays: number }) => [agreement.validTo, agreement.expiresInDays])).toEqual([
      ['2026-11-30', 46],
      ['2026-12-31', 77],
    ]);
    expect((await list('endingWithinDays=46')).json().items.map((agreement: { validTo: string }) => agreement.validTo)).toEqual(['2026-11-30']);
  });

  it('refuses a number of days that is not one', async () => {
    expect((await list('endingWithinDays=soon')).statusCode).toBe(400);
    expect((await list('endingWithinDays=-1')).statusCode).toBe(400);
  });
});
