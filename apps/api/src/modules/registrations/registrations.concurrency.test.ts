/**
 * The capacity invariant and the FIFO waiting list under real concurrency: many requests at
 * once, over a pool of parallel PostgreSQL connections.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { demoPassword, hashPassword, seedDemoData, sessions, users } from '@exchange/db';
import { createTestDatabase } from '@exchange/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app.js';

const people = 200;
const seats = 50;
const leaving = 10;
const rounds = 3;

// PGlite has a single connection and runs every transaction one after another: row locks are
// never contended there, so this test would prove nothing. It runs on PostgreSQL only
// (scripts/with-postgres.sh sets DATABASE_URL).
describe.skipIf(!process.env.DATABASE_URL)('registration under concurrency (PostgreSQL)', () => {
  let app: App;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataDir: string;
  let coordinator: string;
  let centreId: string;
  const tokens: string[] = [];
  const userIds: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase({ poolSize: 30 });
    await seedDemoData(database.db);
    dataDir = await mkdtemp(path.join(tmpdir(), 'exchange-concurrency-'));
    app = await buildApp({
      config: { jwtSecret: randomBytes(32).toString('hex'), rateLimitMax: 1_000_000, logLevel: 'silent', dataDir, smtpUrl: undefined },
      database,
      closeDatabase: false,
      logger: false,
    });
    const [psu] = await database.rows<{ id: string }>(`select id from institutions where code = 'BUAS'`);
    // Students created directly, with sessions: the sign-in rate limits are not under test here.
    const passwordHash = await hashPassword(demoPassword);
    const created = await database.db
      .insert(users)
      .values(
        Array.from({ length: people }, (_, index) => ({
          email: `crowd${index}@buas.exchange.test`,
          fullName: `Crowd ${index}`,
          role: 'student' as const,
          institutionId: psu!.id,
          status: 'active' as const,
          locale: 'zh' as const,
          passwordHash,
        })),
      )
      .returning({ id: users.id });
    const expiresAt = new Date(Date.now() + 3600 * 1000);
    const opened = await database.db
      .insert(sessions)
      .values(created.map((user) => ({ userId: user.id, expiresAt })))
      .returning({ id: sessions.id, userId: sessions.userId });
    for (const session of opened) {
      userIds.push(session.userId);
      tokens.push((await app.issueToken({ id: session.userId, role: 'student' }, session.id)).token);
    }
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'coordinator@psu.exchange.test', password: demoPassword },
    });
    coordinator = login.json().token;
    const centres = (await app.inject({ method: 'GET', url: '/api/v1/centres' })).json().items as { id: string; name: { en: string } }[];
    centreId = centres.find((centre) => centre.name.en === 'Chinese Culture Centre')!.id;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const send = (method: 'POST' | 'DELETE' | 'GET', url: string, token: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload !== undefined && { payload: payload as object }),
    });

  it.each(Array.from({ length: rounds }, (_, index) => index + 1))(
    `round %i: ${people} at once for ${seats} seats, then ${leaving} cancellations at once`,
    async () => {
      const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 7 * 24 * 3600 * 1000);
      const created = await send('POST', '/api/v1/events', coordinator, {
        centreId,
        title: { en: 'Crowded evening', ru: 'Многолюдный вечер', zh: '热门活动' },
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * 3600 * 1000).toISOString(),
        venue: 'Main hall',
        capacity: seats,
      });
      expect(created.statusCode, created.body).toBe(201);
      const eventId = created.json().id as string;
      expect((await send('POST', `/api/v1/events/${eventId}/publish`, coordinator)).statusCode).toBe(200);

      // Everyone at once.
      const answers = await Promise.all(tokens.map((token) => send('POST', `/api/v1/events/${eventId}/registrations`, token)));
      expect(answers.map((answer) => answer.statusCode).filter((status) => status !== 201)).toEqual([]);
      const registrations = answers.map((answer, index) => ({
        ...(answer.json() as { id: string; status: string; position: number | null }),
        token: tokens[index]!,
        userId: userIds[index]!,
      }));
      const confirmed = registrations.filter((item) => item.status === 'confirmed');
      const waiting = registrations.filter((item) => item.status === 'waitlisted');
      expect(confirmed).toHaveLength(seats);
      expect(waiting).toHaveLength(people - seats);
      expect(waiting.map((item) => item.position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: people - seats }, (_, index) => index + 1));

      // The database agrees: the counter, the rows, the order of the queue.
      const [counter] = await database.rows<{ confirmed_count: number }>('select confirmed_count from events where id = $1', [eventId]);
      expect(counter!.confirmed_count).toBe(seats);
      const queue = await database.rows<{ user_id: string }>(`select user_id from registrations where event_id = $1 and status = 'waitlisted' order by seq`, [
        eventId,
      ]);
      const byPosition = [...waiting].sort((a, b) => a.position! - b.position!).map((item) => item.userId);
      expect(queue.map((row) => row.user_id)).toEqual(byPosition);

      // Ten confirmed people leave at once: exactly the first ten in the queue move up.
      const leavers = confirmed.slice(0, leaving);
      const cancellations = await Promise.all(leavers.map((item) => send('DELETE', `/api/v1/events/${eventId}/registrations/me`, item.token)));
      expect(cancellations.map((answer) => answer.statusCode)).toEqual(Array(leaving).fill(204));

      const headIds = byPosition.slice(0, leaving);
      const rows = await database.rows<{ user_id: string; status: string }>('select user_id, status from registrations where event_id = $1', [eventId]);
      const statusOf = new Map(rows.map((row) => [row.user_id, row.status]));
      expect(headIds.every((id) => statusOf.get(id) === 'confirmed')).toBe(true);
      expect(rows.filter((row) => row.status === 'confirmed')).toHaveLength(seats);
      expect(rows.filter((row) => row.status === 'waitlisted')).toHaveLength(people - seats - leaving);
      const [after] = await database.rows<{ confirmed_count: number }>('select confirmed_count from events where id = $1', [eventId]);
      expect(after!.confirmed_count).toBe(seats);

      // Each promoted person was told exactly once; nobody else was.
      const told = await database.db.query.notifications.findMany({
        where: (table, { and, eq }) => and(eq(table.kind, 'event.promoted'), inArray(table.userId, userIds)),
      });
      const toldHere = told.filter((notification) => (notification.params as { eventId?: string }).eventId === eventId);
      expect(toldHere.map((notification) => notification.userId).sort()).toEqual([...headIds].sort());

      // The rest of the queue moved up by ten, still without gaps.
      const rest = byPosition.slice(leaving);
      const positions = await Promise.all(
        rest.map(async (userId) => {
          const token = tokens[userIds.indexOf(userId)]!;
          return (await send('GET', `/api/v1/events/${eventId}/registrations/me`, token)).json().position as number;
        }),
      );
      expect(positions).toEqual(Array.from({ length: rest.length }, (_, index) => index + 1));
    },
    120_000,
  );
});
