/**
 * The events of the large data set (see seed-large.ts) and their registrations: confirmed up
 * to the capacity, then waitlisted where the event keeps a waiting list; `confirmedCount` is
 * the confirmed registrations.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { day, eventThemes, type Random } from './seed-large-random.js';

export function generateEvents(
  sql: postgres.Sql,
  random: Random,
  input: {
    scale: number;
    students: { id: string }[];
    centreRows: { id: string; institution_id: string }[];
    timeZoneOf: (institutionId: string) => string;
  },
) {
  const { scale, students, centreRows, timeZoneOf } = input;
  const eventCount = Math.max(10, Math.round(2_000 * scale));
  const registrationTarget = Math.round(100_000 * scale);
  // Some wanted registrations are dropped (full event, no waiting list): aim a little higher.
  const perEvent = (registrationTarget / eventCount) * 1.05;
  const eventRows: Record<string, unknown>[] = [];
  const registrationRows: Record<string, unknown>[] = [];
  const firstDay = Date.UTC(2023, 8, 1);
  const lastDay = Date.UTC(2027, 5, 30);
  for (let e = 0; e < eventCount; e++) {
    const centre = centreRows[e % centreRows.length]!;
    const theme = random.pick(eventThemes);
    const startsAt = new Date(firstDay + Math.floor(((lastDay - firstDay) * e) / eventCount / 3_600_000) * 3_600_000 + 10 * 3_600_000);
    const roll = random.next();
    const status = roll < 0.05 ? 'draft' : roll < 0.12 ? 'cancelled' : 'published';
    const wanted = status === 'draft' ? 0 : Math.max(0, Math.round(perEvent * (0.5 + random.next())));
    const capacity = Math.max(5, Math.round(wanted * (0.6 + random.next() * 0.8)));
    const waitlistEnabled = random.chance(0.8);
    const eventId = randomUUID();
    const past = startsAt.getTime() < Date.now();
    const pool = students;
    const taken = new Set<number>();
    let confirmed = 0;
    for (let r = 0; r < wanted; r++) {
      let index = random.int(0, pool.length - 1);
      while (taken.has(index)) index = (index + 1) % pool.length;
      taken.add(index);
      let registrationStatus: string;
      if (random.chance(0.05)) registrationStatus = 'cancelled';
      else if (confirmed < capacity) registrationStatus = 'confirmed';
      else if (waitlistEnabled) registrationStatus = 'waitlisted';
      else continue;
      if (registrationStatus === 'confirmed') confirmed++;
      const at = new Date(startsAt.getTime() - random.int(1, 20) * day);
      registrationRows.push({
        event_id: eventId,
        user_id: pool[index]!.id,
        status: registrationStatus,
        check_in_token_hash: randomBytes(32).toString('hex'),
        checked_in_at:
          past && registrationStatus === 'confirmed' && status === 'published' && random.chance(0.7) ? new Date(startsAt.getTime() + 600_000) : null,
        created_at: at,
        updated_at: at,
      });
    }
    eventRows.push({
      id: eventId,
      centre_id: centre.id,
      title: sql.json({ en: `${theme.en} #${e + 1}`, ru: `${theme.ru} №${e + 1}`, zh: `${theme.zh} 第${e + 1}期` }),
      description: sql.json({ en: 'Generated event.', ru: 'Сгенерированное мероприятие.', zh: '生成的活动。' }),
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 2 * 3_600_000),
      time_zone: timeZoneOf(centre.institution_id),
      venue: random.chance(0.8) ? ((room) => sql.json({ en: `Room ${room}`, ru: `Ауд. ${room}`, zh: `${room}室` }))(random.int(100, 499)) : null,
      online_url: random.chance(0.2) ? 'https://meet.example.org/exchange' : null,
      capacity,
      waitlist_enabled: waitlistEnabled,
      registration_opens_at: new Date(startsAt.getTime() - 30 * day),
      registration_closes_at: new Date(startsAt.getTime() - 3_600_000),
      status,
      confirmed_count: confirmed,
      created_at: new Date(startsAt.getTime() - 40 * day),
      updated_at: new Date(startsAt.getTime() - 40 * day),
    });
  }
  return { eventRows, registrationRows };
}
