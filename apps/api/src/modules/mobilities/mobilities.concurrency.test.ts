/**
 * Two offices acting on one mobility at once, on PostgreSQL with real parallel connections
 * (PGlite runs one statement at a time, so this proves nothing there and is skipped).
 */
import { describe, expect, it } from 'vitest';
import { nominationsFixture } from '../../test/fixtures/nominations.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
const { f } = nominationsFixture();

describe.skipIf(!onPostgres)('concurrent changes to one mobility', () => {
  it('keeps both offices’ changes, and refuses the second of two changes made on one version', async () => {
    const { t, tokens } = f;
    f.now = new Date('2026-12-02T08:00:00Z');
    const created = (
      await t.request({
        method: 'POST',
        url: '/api/v1/nominations',
        token: tokens.psu,
        payload: { applicationId: f.ids['student1@psu.exchange.test'], quotaId: f.toBuas },
      })
    ).json();
    await t.request({ method: 'POST', url: `/api/v1/nominations/${created.id}/approve`, token: tokens.buas, payload: { proposalId: created.proposalId } });
    // The demo data has mobilities of its own: this one is the nomination's.
    const incoming = (await t.request({ method: 'GET', url: '/api/v1/mobilities?direction=incoming&limit=100', token: tokens.buas })).json().items;
    const { id } = incoming.find((item: { nominationId: string }) => item.nominationId === created.id);
    await t.request({
      method: 'POST',
      url: `/api/v1/mobilities/${id}/admission`,
      token: tokens.buas,
      payload: { plannedStart: '2026-09-01', plannedEnd: '2026-12-20', programme: 'Chinese language' },
    });

    for (let round = 0; round < 10; round++) {
      const funding = { source: 'csc', monthlyAmount: 3000 + round, currency: 'CNY' };
      // Without a version: the row lock queues them, and each writes its own part.
      const [arrival, funded] = await Promise.all([
        round === 0
          ? t.request({ method: 'POST', url: `/api/v1/mobilities/${id}/arrival`, token: tokens.buas, payload: { date: '2026-09-03' } })
          : Promise.resolve(null),
        t.request({ method: 'POST', url: `/api/v1/mobilities/${id}/funding`, token: tokens.psu, payload: { funding } }),
      ]);
      if (arrival) expect(arrival.statusCode).toBe(200);
      expect(funded.statusCode).toBe(200);
      const after = (await t.request({ method: 'GET', url: `/api/v1/mobilities/${id}`, token: tokens.psu })).json();
      expect(after).toMatchObject({ status: 'abroad', arrivedOn: '2026-09-03', funding });

      // Both on the version they saw: one wins, the other is told the view is stale.
      const both = await Promise.all(
        [3100, 3200].map((monthlyAmount) =>
          t.request({
            method: 'POST',
            url: `/api/v1/mobilities/${id}/funding`,
            token: tokens.psu,
            payload: { version: after.version, funding: { ...funding, monthlyAmount } },
          }),
        ),
      );
      expect(both.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    }
  }, 120_000);
});
