/**
 * Fuzz targets of the agreement's plan of measures: each on the demo agreement, for a caller
 * the route admits, with a valid body the generators mutate. Uploads (the signed PDF, evidence)
 * take multipart bodies: the fuzzer's JSON is refused there with 415.
 */
import type { Fixtures } from './fixtures/security.js';
import type { TestContext } from './helper.js';

type Target = { email: string; url: string; base: Record<string, unknown> };

export async function planTargetFor(t: TestContext, f: Fixtures, key: string, url: string): Promise<Target | undefined> {
  if (!key.includes('/api/v1/agreements/:id/')) return undefined;
  const admin = 'admin@exchange.test';
  const [agreement] = await t.database.rows<{ id: string }>('select id from agreements order by created_at limit 1');
  const items = await t.database.rows<{ id: string; code: string }>(
    'select p.id, i.code from plan_items p join institutions i on i.id = p.responsible_institution_id where p.agreement_id = $1 order by p.position',
    [agreement!.id],
  );
  // The summer school: BRI's coordinator reports on it.
  const item = items.find((row) => row.code === 'BRI') ?? items[0]!;
  const filled = url.replace(':id', agreement!.id).replace(':itemId', item.id);
  switch (key) {
    case 'POST /api/v1/agreements/:id/plan':
      return {
        email: admin,
        url: filled,
        base: { title: { en: 'M', ru: 'М', zh: '措' }, deadline: '2027-03-01', responsibleInstitutionId: f.institution.PSU },
      };
    case 'PUT /api/v1/agreements/:id/plan/order':
      return { email: admin, url: filled, base: { itemIds: items.map((row) => row.id) } };
    case 'PATCH /api/v1/agreements/:id/plan/:itemId':
      return { email: 'coordinator@bri.exchange.test', url: filled, base: { status: 'in_progress', note: '进行中', locale: 'zh' } };
    case 'POST /api/v1/agreements/:id/plan/:itemId/evidence':
      return { email: 'coordinator@bri.exchange.test', url: filled, base: {} };
    case 'POST /api/v1/agreements/:id/document':
      return { email: admin, url: filled, base: {} };
    default:
      return undefined;
  }
}
