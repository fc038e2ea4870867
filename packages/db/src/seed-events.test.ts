import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from './seed.js';
import { centres, events, institutions } from './schema/index.js';
import { createTestDatabase } from './testing.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
});
afterAll(() => database?.close());

describe('demo centres and events', () => {
  it('opens one cultural centre per party, with upcoming events in the venue’s zone', async () => {
    const parties = await database.db.select().from(institutions);
    const rows = await database.db.select().from(centres);
    expect(rows.map((row) => parties.find((party) => party.id === row.institutionId)!.code).sort()).toEqual(['BRI', 'BUAS', 'PSU']);

    const programme = await database.db.select().from(events);
    const week = 7 * 24 * 3600 * 1000;
    const published = programme.filter((event) => event.status === 'published');
    expect(published.length).toBeGreaterThanOrEqual(5);
    for (const event of programme) {
      const ahead = event.startsAt.getTime() - Date.now();
      expect(ahead).toBeGreaterThan(0.9 * week);
      expect(ahead).toBeLessThan(6.2 * week);
      const centre = rows.find((row) => row.id === event.centreId)!;
      expect(event.timeZone).toBe(parties.find((party) => party.id === centre.institutionId)!.timeZone);
    }
    const psu = parties.find((party) => party.code === 'PSU')!.id;
    expect(published.filter((event) => event.audienceInstitutionIds.length === 1 && event.audienceInstitutionIds[0] === psu)).toHaveLength(1);
    expect(published.filter((event) => event.onlineUrl && !event.venue)).toHaveLength(1);
  });
});
