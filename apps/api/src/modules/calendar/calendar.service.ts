/** iCalendar feeds: a centre's public feed, one event's file, and a person's private feed. */
import { createHash, createHmac } from 'node:crypto';
import type { Database, events as eventsTable, Executor } from '@exchange/db';
import type { Actor, Locale, LocalizedText, RegistrationStatus } from '@exchange/shared';
import { notFound } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import { createCalendarRepository, type CalendarRepository } from './calendar.repository.js';
import { buildCalendar, type IcsEvent } from './ics.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

type EventRow = typeof eventsTable.$inferSelect;

type Deps = {
  db: Database;
  secret: string;
  /** A centre by id and an event the actor may see, or 404 (the events service). */
  events: {
    getCentre(id: string): Promise<{ name: LocalizedText }>;
    visibleEvent(executor: Executor, actor: Actor | null, id: string): Promise<{ event: EventRow }>;
  };
  /** A person's registrations that still stand, with their events (the registrations service). */
  registrations: { standing(userId: string): Promise<{ event: EventRow; registration: { status: RegistrationStatus } }[]> };
  repository?: CalendarRepository;
};

export function createCalendarService({ db, secret, events, registrations, repository = createCalendarRepository(db) }: Deps) {
  const repo = repository;
  // Separate keys for separate uses, derived from the server's secret.
  const feedKey = createHmac('sha256', secret).update('exchange:calendar-feed').digest();

  const feedToken = (userId: string, createdAt: Date) => createHmac('sha256', feedKey).update(`${userId}:${createdAt.toISOString()}`).digest('base64url');

  return {
    async centreCalendar(centreId: string, locale: Locale) {
      const centre = await events.getCentre(centreId);
      const rows = await repo.centreFeedEvents(centreId);
      return buildCalendar({
        name: centre.name[locale] || centre.name.en || centre.name.ru || centre.name.zh,
        locale,
        events: rows.map(asIcs),
      });
    },

    async eventCalendar(actor: Actor | null, eventId: string, locale: Locale) {
      const { event } = await events.visibleEvent(db, actor, eventId);
      return buildCalendar({
        name: event.title[locale] || event.title.en || event.title.ru || event.title.zh,
        locale,
        events: [asIcs(event)],
      });
    },

    /** The caller's personal feed token: the same each time, until `rotate` replaces it. */
    calendarFeed(who: Who, rotate: boolean) {
      return db.transaction(async (tx) => {
        let row = await repo.lockFeedOf(tx, who.actor.id);
        if (!row || rotate) {
          const createdAt = new Date();
          row = await repo.saveFeed(tx, who.actor.id, sha256(feedToken(who.actor.id, createdAt)), createdAt);
          await writeAudit(tx, who, {
            action: rotate ? 'calendar_feed.rotate' : 'calendar_feed.create',
            entityType: 'calendar_feed',
            entityId: who.actor.id,
            institutionId: who.actor.institutionId,
          });
        }
        const token = feedToken(who.actor.id, row.createdAt);
        return { token, path: `/calendar-feeds/${token}/events.ics` };
      });
    },

    async personalCalendar(token: string, locale: Locale) {
      // The address works without a session, so it answers only while its owner may sign in.
      const feed = await repo.activeFeedOwner(sha256(token));
      if (!feed) throw notFound('calendar feed');
      const rows = await registrations.standing(feed.userId);
      return buildCalendar({
        name: { en: 'My cultural-centre events', ru: 'Мои мероприятия культурных центров', zh: '我的文化中心活动' }[locale],
        locale,
        events: rows.map((row) => ({ ...asIcs(row.event), tentative: row.registration.status === 'waitlisted' })),
      });
    },
  };
}

function asIcs(event: EventRow): IcsEvent {
  return {
    id: event.id,
    title: event.title,
    description: event.description,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    venue: event.venue,
    onlineUrl: event.onlineUrl,
    status: event.status,
    createdAt: event.createdAt,
    updatedAt: event.updatedAt,
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
