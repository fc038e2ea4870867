/**
 * The coordinator and the administrator sending the same list at the same moment, on
 * PostgreSQL with real parallel connections (PGlite runs one statement at a time, so this
 * proves nothing there and is skipped): every student is created, invited and audited once,
 * whichever import wrote them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helper.js';
import { csvOf, followImport, sendList, type ListRow } from '../../test/fixtures/student-lists.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
let t: TestContext;
let admin: string;
let psuCoordinator: string;

beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestContext();
  [admin, psuCoordinator] = await Promise.all([t.login('admin@exchange.test'), t.login('coordinator@psu.exchange.test')]);
}, 120_000);
afterAll(() => t?.close());

describe.skipIf(!onPostgres)('the same list imported twice at once', () => {
  it('creates and invites each student exactly once', { timeout: 300_000 }, async () => {
    const rows: ListRow[] = [['Email', 'Full name'], ...Array.from({ length: 600 }, (_, i) => [`twice${i}@psu.example.test`, `Twice ${i}`])];
    const file = { name: 'twice.csv', content: csvOf(rows) };
    const psu = await t.institutionId('PSU');
    const started = await Promise.all([sendList(t, psuCoordinator, file, { dryRun: false }), sendList(t, admin, file, { dryRun: false, institutionId: psu })]);
    expect(started.map((response) => response.statusCode)).toEqual([202, 202]);
    const [first, second] = await Promise.all([followImport(t, psuCoordinator, started[0].json().id), followImport(t, admin, started[1].json().id)]);
    expect([first.final.status, second.final.status]).toEqual(['done', 'done']);
    expect(first.final.created + second.final.created).toBe(600);
    expect(first.final.unchanged + second.final.unchanged).toBe(600);

    const [counts] = await t.database.rows<{ accounts: number; mails: number; tokens: number; audited: number }>(
      `select (select count(*)::int from users where email like 'twice%@psu.example.test') as accounts,
              (select count(*)::int from mail_outbox where to_address like 'twice%@psu.example.test') as mails,
              (select count(*)::int from account_tokens k join users u on u.id = k.user_id where u.email like 'twice%@psu.example.test') as tokens,
              (select count(*)::int from audit_entries where action = 'user.import' and after->>'email' like 'twice%') as audited`,
    );
    expect(counts).toEqual({ accounts: 600, mails: 600, tokens: 600, audited: 600 });
  });
});
