import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword, seedDemoData } from './seed.js';
import { institutions, quotaLines, users } from './schema/index.js';
import { verifyPassword } from './password-hash.js';
import { createTestDatabase } from './testing.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

describe('demo seed', () => {
  it('writes the accounts of the design brief once, however often it runs', async () => {
    expect(await seedDemoData(database.db)).toBe(true);
    expect(await seedDemoData(database.db)).toBe(false);
    const rows = await database.db.select().from(users);
    expect(rows.map((row) => row.email).sort()).toEqual(demoAccounts.map((account) => account.email).sort());
    expect(rows.every((row) => row.status === 'active')).toBe(true);
    expect((await database.db.select().from(institutions)).map((row) => row.code).sort()).toEqual(['BRI', 'BUAS', 'PSU']);
  });

  it('hashes the demo password with argon2id, 19 MiB, 2 passes, 1 lane', async () => {
    const [row] = await database.db.select().from(users).where(eq(users.email, 'admin@exchange.test'));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await verifyPassword(row!.passwordHash!, demoPassword)).toBe(true);
    expect(await verifyPassword(row!.passwordHash!, 'exchange-demo-2026!')).toBe(false);
  });

  it('seeds quota lines for both academic years in all six directions', async () => {
    const lines = await database.db.select().from(quotaLines);
    for (const year of ['2025/2026', '2026/2027']) {
      const directions = new Set(
        lines.filter((line) => line.academicYear === year).map((line) => `${line.sendingInstitutionId}>${line.receivingInstitutionId}`),
      );
      expect(directions.size).toBe(6);
    }
  });
});

describe('constraints', () => {
  it('keeps e-mail addresses unique whatever their case', async () => {
    const [template] = await database.db.select().from(users).where(eq(users.email, 'student1@psu.exchange.test'));
    const { id: _id, ...copy } = template!;
    await expect(database.db.insert(users).values({ ...copy, email: 'STUDENT1@psu.exchange.test' })).rejects.toThrow();
  });

  it('refuses a staff account without an institution and an unknown role', async () => {
    const [template] = await database.db.select().from(users).where(eq(users.email, 'coordinator@psu.exchange.test'));
    const { id: _id, ...copy } = template!;
    await expect(database.db.insert(users).values({ ...copy, email: 'x1@exchange.test', institutionId: null })).rejects.toThrow();
    await expect(database.db.insert(users).values({ ...copy, email: 'x2@exchange.test', role: 'superuser' as never })).rejects.toThrow();
  });

  it('refuses quota lines that break the rules of the agreement', async () => {
    const [line] = await database.db.select().from(quotaLines).limit(1);
    const { id: _id, ...copy } = line!;
    const attempts = [
      { ...copy, seats: -1 },
      { ...copy, used: copy.seats + 1 },
      { ...copy, receivingInstitutionId: copy.sendingInstitutionId },
      { ...copy, academicYear: '2025/2027' },
      { ...copy, eqfLevels: [5] },
      { ...copy, mobilityType: 'holiday' as never },
    ];
    for (const attempt of attempts) {
      await expect(database.db.insert(quotaLines).values(attempt)).rejects.toThrow();
    }
    const inserted = await database.db.insert(quotaLines).values(copy).returning();
    expect(inserted).toHaveLength(1);
  });
});
