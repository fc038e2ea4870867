/** Administrators are warned 90 and 30 days before the agreement ends, once each; a new end date is warned of afresh. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox, notifications } from '@exchange/db';
import { createTestContext, type TestContext } from '../../test/helper.js';

let t: TestContext;
let now = new Date('2026-09-15T04:00:00Z');
let admin = '';
let agreementId = '';
beforeAll(async () => {
  t = await createTestContext({ clock: () => now });
  admin = await t.login('admin@exchange.test');
  agreementId = (await t.request({ method: 'GET', url: '/api/v1/agreements', token: admin })).json().items[0].id;
}, 120_000);
afterAll(() => t?.close());

const warnings = async () =>
  (await t.database.db.select().from(notifications).where(eq(notifications.kind, 'agreement.expiring'))).map((row) => (row.params as { days: string }).days);
const agreement = async () => (await t.request({ method: 'GET', url: `/api/v1/agreements/${agreementId}`, token: admin })).json();

describe('agreement expiry warnings', () => {
  it('says nothing more than 90 days ahead', async () => {
    // 15 September 2026: the agreement (until 31 December 2026) has 107 days left.
    expect(await t.app.expiryWarnings.sendDue()).toEqual({ warned: 0 });
    expect((await agreement()).expiresInDays).toBeNull();
  });

  it('warns the administrators 90 days ahead, once, in their language', async () => {
    now = new Date('2026-10-02T04:00:00Z');
    expect(await t.app.expiryWarnings.sendDue()).toEqual({ warned: 1 });
    expect(await t.app.expiryWarnings.sendDue()).toEqual({ warned: 0 });
    expect(await warnings()).toEqual(['90']);
    expect((await agreement()).expiresInDays).toBe(90);
    const [mail] = await t.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.linkPath, `/agreements/${agreementId}`));
    expect(mail).toMatchObject({ toAddress: 'admin@exchange.test', subject: 'The agreement ends on 2026-12-31: 90 days left' });
    expect(mail!.body).toContain('Tripartite agreement on student exchange');
  });

  it('warns again 30 days ahead, once', async () => {
    now = new Date('2026-11-20T04:00:00Z');
    expect(await t.app.expiryWarnings.sendDue()).toEqual({ warned: 0 });
    now = new Date('2026-12-01T04:00:00Z');
    expect(await t.app.expiryWarnings.sendDue()).toEqual({ warned: 1 });
    expect(await t.app.expiryWarnings.sendDue()).toEqual({ warned: 0 });
    expect(await warnings()).toEqual(['90', '30']);
    expect((await agreement()).expiresInDays).toBe(30);
  });

  it('warns of a new end date afresh', async () => {
    const extended = await t.request({ method: 'PATCH', url: `/api/v1/agreements/${agreementId}`, token: admin, payload: { validTo: '2027-01-15' } });
    expect(extended.json()).toMatchObject({ validTo: '2027-01-15', expiresInDays: 45 });
    expect(await t.app.expiryWarnings.sendDue()).toEqual({ warned: 1 });
    expect(await warnings()).toEqual(['90', '30', '45']);
    now = new Date('2026-12-16T04:00:00Z');
    expect(await t.app.expiryWarnings.sendDue()).toEqual({ warned: 1 });
    expect(await t.app.expiryWarnings.sendDue()).toEqual({ warned: 0 });
    expect(await warnings()).toEqual(['90', '30', '45', '30']);
  });
});
