/**
 * Cultural centres and their events: publishing, registration with capacity and a FIFO
 * waiting list, check-in, calendar feeds and attendance.
 *
 * Every registration change runs in one transaction that first takes the event's row lock
 * (`SELECT … FOR UPDATE`): changes to one event happen one after another, so `confirmedCount`
 * is exact, the database's CHECK keeps it within capacity, and the waiting list moves in
 * `seq` order exactly once per freed seat.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { calendarFeeds, centres, events, institutions, registrations, users, type Database, type Executor, type Transaction } from '@exchange/db';
import {
  canCreateCentres,
  canManageCentreEvents,
  isInAudience,
  type Actor,
  type centreCreate,
  type eventCreate,
  type eventListQuery,
  type eventUpdate,
  type Locale,
  type registrationListQuery,
} from '@exchange/shared';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { writeAudit, type Who } from '../../lib/audit.js';
import { notify } from '../../lib/notify.js';
import {
  activeRegistration,
  allRegistrants,
  attendanceOf,
  centreFeedEvents,
  countWaiting,
  findCentre,
  findEvent,
  listEvents,
  listRegistrants,
  positionOf,
  registrationsOfUser,
  toCentre,
  toEvent,
  toRegistration,
  type EventRow,
  type RegistrationRow,
} from './events.repository.js';
import { buildCalendar, type IcsEvent } from './ics.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Retries a transaction that PostgreSQL aborted for a deadlock or serialization failure. */
async function retrying<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
      if (attempt >= attempts || (code !== '40001' && code !== '40P01')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}

export function createEventsService({ db, secret, clock = () => new Date() }: { db: Database; secret: string; clock?: () => Date }) {
  // Separate keys for separate uses, derived from the server's secret.
  const checkInKey = createHmac('sha256', secret).update('exchange:event-check-in').digest();
  const feedKey = createHmac('sha256', secret).update('exchange:calendar-feed').digest();

  /** The registrant's check-in secret: derived, never stored (only its SHA-256 is). */
  const checkInCode = (registrationId: string) => createHmac('sha256', checkInKey).update(registrationId).digest('base64url');

  async function visibleEvent(executor: Executor, actor: Actor | null, id: string, options: { lock?: boolean } = {}) {
    const found = await findEvent(executor, id, options);
    if (!found) throw notFound('event');
    if (found.event.status === 'draft' && !canManageCentreEvents(actor, found.institutionId)) throw notFound('event');
    return found;
  }

  /** An event the actor runs; any other answers 404 exactly like a missing one. */
  async function managedEvent(executor: Executor, actor: Actor, id: string, options: { lock?: boolean } = {}) {
    const found = await findEvent(executor, id, options);
    if (!found || !canManageCentreEvents(actor, found.institutionId)) throw notFound('event');
    return found;
  }

  async function presentEvent(executor: Executor, row: EventRow, institutionId: string) {
    return toEvent(row, institutionId, await countWaiting(executor, row.id));
  }

  async function presentRegistration(executor: Executor, row: RegistrationRow, own: boolean) {
    const base = toRegistration(row, await positionOf(executor, row));
    return own && row.status !== 'cancelled' ? { ...base, checkInCode: checkInCode(row.id) } : base;
  }

  /**
   * Confirms people from the head of the waiting list while seats are free; call it under the
   * event's lock. Each promoted person is told once, in the same transaction.
   */
  async function fillSeats(tx: Transaction, who: Who | null, event: EventRow, institutionId: string) {
    if (event.status !== 'published') return event;
    const free = event.capacity - event.confirmedCount;
    if (free <= 0) return event;
    const heads = await tx
      .select({ id: registrations.id, userId: registrations.userId })
      .from(registrations)
      .where(and(eq(registrations.eventId, event.id), eq(registrations.status, 'waitlisted')))
      .orderBy(asc(registrations.seq))
      .limit(free);
    if (heads.length === 0) return event;
    await tx
      .update(registrations)
      .set({ status: 'confirmed', updatedAt: sql`now()` })
      .where(inArray(registrations.id, heads.map((head) => head.id)));
    const [updated] = await tx
      .update(events)
      .set({ confirmedCount: sql`${events.confirmedCount} + ${heads.length}` })
      .where(eq(events.id, event.id))
      .returning();
    for (const head of heads) {
      await notify(tx, head.userId, 'event.promoted', { event: event.title, eventId: event.id });
      await writeAudit(tx, who ?? { actor: null }, {
        action: 'registration.promote',
        entityType: 'registration',
        entityId: head.id,
        institutionId,
        after: { status: 'confirmed', userId: head.userId, eventId: event.id },
      });
    }
    return updated!;
  }

  function checkTimes(merged: { startsAt: Date; endsAt: Date; registrationOpensAt: Date | null; registrationClosesAt: Date | null }) {
    if (merged.startsAt >= merged.endsAt) {
      throw unprocessable('validation_failed', 'The event must end after it starts.', {
        errors: [{ path: 'body.endsAt', code: 'before_start', message: 'The event must end after it starts' }],
      });
    }
    if (merged.registrationOpensAt && merged.registrationClosesAt && merged.registrationOpensAt >= merged.registrationClosesAt) {
      throw unprocessable('validation_failed', 'Registration must open before it closes.', {
        errors: [{ path: 'body.registrationClosesAt', code: 'before_open', message: 'Registration must open before it closes' }],
      });
    }
  }

  async function checkAudience(executor: Executor, ids: string[]) {
    if (ids.length === 0) return;
    const found = await executor.select({ id: institutions.id }).from(institutions).where(inArray(institutions.id, ids));
    if (found.length !== new Set(ids).size) {
      throw unprocessable('validation_failed', 'An institution of the audience does not exist.', {
        errors: [{ path: 'body.audience', code: 'not_found', message: 'No such institution' }],
      });
    }
  }

  const date = (value: string | null | undefined) => (value ? new Date(value) : null);

  return {
    // ——— centres ———

    async listCentres() {
      const rows = await db.select().from(centres).orderBy(asc(centres.createdAt), asc(centres.id));
      return { items: rows.map(toCentre), total: rows.length, limit: rows.length, offset: 0 };
    },

    async getCentre(id: string) {
      const row = await findCentre(db, id);
      if (!row) throw notFound('centre');
      return toCentre(row);
    },

    createCentre(who: Who, input: z.output<typeof centreCreate>) {
      if (!canCreateCentres(who.actor)) throw forbidden();
      return db.transaction(async (tx) => {
        const [institution] = await tx.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, input.institutionId));
        if (!institution) {
          throw unprocessable('validation_failed', 'No such institution.', {
            errors: [{ path: 'body.institutionId', code: 'not_found', message: 'No such institution' }],
          });
        }
        const [created] = await tx.insert(centres).values(input).returning();
        await writeAudit(tx, who, { action: 'centre.create', entityType: 'centre', entityId: created!.id, institutionId: input.institutionId, after: toCentre(created!) });
        return toCentre(created!);
      });
    },

    // ——— events ———

    list(actor: Actor | null, query: z.output<typeof eventListQuery>) {
      const { limit, offset, from, to, ...rest } = query;
      // Without a range the list shows what is still to come.
      const fromDate = from ? new Date(from) : to ? undefined : clock();
      return listEvents(db, actor, { ...rest, from: fromDate, to: to ? new Date(to) : undefined }, limit, offset);
    },

    async get(actor: Actor | null, id: string) {
      const found = await visibleEvent(db, actor, id);
      return presentEvent(db, found.event, found.institutionId);
    },

    create(who: Who, input: z.output<typeof eventCreate>) {
      return db.transaction(async (tx) => {
        const [centre] = await tx
          .select({ id: centres.id, institutionId: centres.institutionId, timeZone: institutions.timeZone })
          .from(centres)
          .innerJoin(institutions, eq(institutions.id, centres.institutionId))
          .where(eq(centres.id, input.centreId));
        if (!centre || !canManageCentreEvents(who.actor, centre.institutionId)) {
          throw unprocessable('centre_not_found', 'No such centre among the ones you run.', {
            errors: [{ path: 'body.centreId', code: 'not_found', message: 'No such centre among the ones you run' }],
          });
        }
        await checkAudience(tx, input.audience.institutionIds);
        const [created] = await tx
          .insert(events)
          .values({
            centreId: centre.id,
            title: input.title,
            description: input.description,
            startsAt: new Date(input.startsAt),
            endsAt: new Date(input.endsAt),
            timeZone: input.timeZone ?? centre.timeZone,
            venue: input.venue || null,
            onlineUrl: input.onlineUrl || null,
            capacity: input.capacity,
            waitlistEnabled: input.waitlistEnabled,
            registrationOpensAt: date(input.registrationOpensAt),
            registrationClosesAt: date(input.registrationClosesAt),
            audienceInstitutionIds: [...new Set(input.audience.institutionIds)],
            status: 'draft',
          })
          .returning();
        const event = toEvent(created!, centre.institutionId, 0);
        await writeAudit(tx, who, { action: 'event.create', entityType: 'event', entityId: event.id, institutionId: centre.institutionId, after: event });
        return event;
      });
    },

    update(who: Who, id: string, input: z.output<typeof eventUpdate>) {
      return retrying(() =>
        db.transaction(async (tx) => {
          const { event: before, institutionId } = await managedEvent(tx, who.actor, id, { lock: true });
          if (before.status === 'cancelled') throw conflict('event_cancelled', 'The event is cancelled; it can no longer be changed.');
          const merged = {
            startsAt: input.startsAt ? new Date(input.startsAt) : before.startsAt,
            endsAt: input.endsAt ? new Date(input.endsAt) : before.endsAt,
            registrationOpensAt: input.registrationOpensAt !== undefined ? date(input.registrationOpensAt) : before.registrationOpensAt,
            registrationClosesAt: input.registrationClosesAt !== undefined ? date(input.registrationClosesAt) : before.registrationClosesAt,
          };
          checkTimes(merged);
          const venue = input.venue !== undefined ? input.venue || null : before.venue;
          const onlineUrl = input.onlineUrl !== undefined ? input.onlineUrl || null : before.onlineUrl;
          if (!venue && !onlineUrl) {
            throw unprocessable('validation_failed', 'Give a venue or an online link.', {
              errors: [{ path: 'body.venue', code: 'required', message: 'Give a venue or an online link' }],
            });
          }
          if (input.capacity !== undefined && input.capacity < before.confirmedCount) {
            throw conflict('capacity_below_confirmed', `${before.confirmedCount} people are already confirmed; capacity cannot go below that.`, {
              confirmed: before.confirmedCount,
              errors: [{ path: 'body.capacity', code: 'below_confirmed', message: `At least ${before.confirmedCount}` }],
            });
          }
          if (input.audience) await checkAudience(tx, input.audience.institutionIds);
          const [updated] = await tx
            .update(events)
            .set({
              ...(input.title && { title: input.title }),
              ...(input.description && { description: input.description }),
              ...merged,
              ...(input.timeZone && { timeZone: input.timeZone }),
              venue,
              onlineUrl,
              ...(input.capacity !== undefined && { capacity: input.capacity }),
              ...(input.waitlistEnabled !== undefined && { waitlistEnabled: input.waitlistEnabled }),
              ...(input.audience && { audienceInstitutionIds: [...new Set(input.audience.institutionIds)] }),
              updatedAt: sql`now()`,
            })
            .where(eq(events.id, id))
            .returning();
          // A raised capacity confirms people from the waiting list at once.
          const after = await fillSeats(tx, who, updated!, institutionId);
          // People who registered hear of a new time or place.
          const moved =
            before.startsAt.getTime() !== after.startsAt.getTime() ||
            before.endsAt.getTime() !== after.endsAt.getTime() ||
            JSON.stringify(before.venue) !== JSON.stringify(after.venue) ||
            before.onlineUrl !== after.onlineUrl;
          if (moved && after.status === 'published') {
            const registered = await tx
              .select({ userId: registrations.userId })
              .from(registrations)
              .where(and(eq(registrations.eventId, id), ne(registrations.status, 'cancelled')));
            for (const { userId } of registered) await notify(tx, userId, 'event.changed', { event: after.title, eventId: id });
          }
          const [beforeOut, afterOut] = [await presentEvent(tx, before, institutionId), await presentEvent(tx, after, institutionId)];
          await writeAudit(tx, who, { action: 'event.update', entityType: 'event', entityId: id, institutionId, before: beforeOut, after: afterOut });
          return afterOut;
        }),
      );
    },

    publish(who: Who, id: string) {
      return db.transaction(async (tx) => {
        const { event: before, institutionId } = await managedEvent(tx, who.actor, id, { lock: true });
        if (before.status === 'cancelled') throw conflict('event_cancelled', 'The event is cancelled; it cannot be published.');
        if (before.status === 'published') return presentEvent(tx, before, institutionId);
        const [after] = await tx.update(events).set({ status: 'published', updatedAt: sql`now()` }).where(eq(events.id, id)).returning();
        await writeAudit(tx, who, { action: 'event.publish', entityType: 'event', entityId: id, institutionId, before: { status: before.status }, after: { status: 'published' } });
        return presentEvent(tx, after!, institutionId);
      });
    },

    /** Cancels the event and tells everyone registered (confirmed or waiting). */
    cancel(who: Who, id: string) {
      return retrying(() =>
        db.transaction(async (tx) => {
          const { event: before, institutionId } = await managedEvent(tx, who.actor, id, { lock: true });
          if (before.status === 'cancelled') return presentEvent(tx, before, institutionId);
          const [after] = await tx.update(events).set({ status: 'cancelled', updatedAt: sql`now()` }).where(eq(events.id, id)).returning();
          const registered = await tx
            .select({ userId: registrations.userId })
            .from(registrations)
            .where(and(eq(registrations.eventId, id), ne(registrations.status, 'cancelled')));
          for (const { userId } of registered) await notify(tx, userId, 'event.cancelled', { event: before.title, eventId: id });
          await writeAudit(tx, who, {
            action: 'event.cancel',
            entityType: 'event',
            entityId: id,
            institutionId,
            before: { status: before.status },
            after: { status: 'cancelled', notified: registered.length },
          });
          return presentEvent(tx, after!, institutionId);
        }),
      );
    },

    // ——— registrations ———

    /**
     * One click: confirmed while seats remain, else on the waiting list. A second attempt
     * answers the registration that already stands (`created: false`).
     */
    register(who: Who, eventId: string) {
      return retrying(() =>
        db.transaction(async (tx) => {
          const { event, institutionId } = await visibleEvent(tx, who.actor, eventId, { lock: true });
          const existing = await activeRegistration(tx, eventId, who.actor.id);
          if (existing) return { created: false, registration: await presentRegistration(tx, existing, true) };

          if (event.status === 'cancelled') throw conflict('event_cancelled', 'The event is cancelled.');
          if (event.status !== 'published') throw conflict('event_not_published', 'The event is not published yet.');
          const now = clock();
          if (event.registrationOpensAt && now < event.registrationOpensAt) {
            throw conflict('registration_not_open', 'Registration has not opened yet.', { opensAt: event.registrationOpensAt.toISOString() });
          }
          const closesAt = event.registrationClosesAt ?? event.startsAt;
          if (now >= closesAt) throw conflict('registration_closed', 'Registration is closed.', { closedAt: closesAt.toISOString() });
          if (!isInAudience(who.actor, event.audienceInstitutionIds)) {
            throw new AppError(403, 'not_in_audience', 'This event is open only to people of certain institutions.', {
              institutionIds: event.audienceInstitutionIds,
            });
          }

          const waiting = await countWaiting(tx, eventId);
          const seatFree = event.confirmedCount < event.capacity && waiting === 0;
          if (!seatFree && !event.waitlistEnabled) throw conflict('event_full', 'The event is full and has no waiting list.');
          const status = seatFree ? ('confirmed' as const) : ('waitlisted' as const);
          const id = randomUUID();
          const [created] = await tx
            .insert(registrations)
            .values({ id, eventId, userId: who.actor.id, status, checkInTokenHash: sha256(checkInCode(id)) })
            .returning();
          if (seatFree) {
            await tx.update(events).set({ confirmedCount: sql`${events.confirmedCount} + 1` }).where(eq(events.id, eventId));
          }
          const registration = await presentRegistration(tx, created!, true);
          await writeAudit(tx, who, { action: 'registration.create', entityType: 'registration', entityId: id, institutionId, after: toRegistration(created!, registration.position) });
          return { created: true, registration };
        }),
      );
    },

    /** The caller's registration for an event (with the QR secret), or 404. */
    async mine(who: Who, eventId: string) {
      await visibleEvent(db, who.actor, eventId);
      const row = await activeRegistration(db, eventId, who.actor.id);
      if (!row) throw notFound('registration');
      return presentRegistration(db, row, true);
    },

    /** Frees the seat; the head of the waiting list takes it, exactly once. */
    cancelMine(who: Who, eventId: string) {
      return retrying(() =>
        db.transaction(async (tx) => {
          const { event, institutionId } = await visibleEvent(tx, who.actor, eventId, { lock: true });
          const row = await activeRegistration(tx, eventId, who.actor.id);
          if (!row) throw notFound('registration');
          if (row.checkedInAt) throw conflict('already_checked_in', 'You have already been checked in at this event.');
          await tx.update(registrations).set({ status: 'cancelled', updatedAt: sql`now()` }).where(eq(registrations.id, row.id));
          let current = event;
          if (row.status === 'confirmed') {
            const [updated] = await tx
              .update(events)
              .set({ confirmedCount: sql`${events.confirmedCount} - 1` })
              .where(eq(events.id, eventId))
              .returning();
            current = updated!;
          }
          await writeAudit(tx, who, {
            action: 'registration.cancel',
            entityType: 'registration',
            entityId: row.id,
            institutionId,
            before: { status: row.status },
            after: { status: 'cancelled' },
          });
          await fillSeats(tx, who, current, institutionId);
        }),
      );
    },

    async myRegistrations(who: Who) {
      const rows = await registrationsOfUser(db, who.actor.id, new Date(clock().getTime() - 24 * 3600 * 1000));
      return {
        items: rows.map((row) => ({
          ...toRegistration(row.registration, row.position),
          event: toEvent(row.event, row.institutionId, row.waiting),
        })),
      };
    },

    async registrants(actor: Actor, eventId: string, query: z.output<typeof registrationListQuery>) {
      await managedEvent(db, actor, eventId);
      const { limit, offset, ...filter } = query;
      return listRegistrants(db, eventId, filter, limit, offset);
    },

    async exportRows(actor: Actor, eventId: string) {
      const { event } = await managedEvent(db, actor, eventId);
      const [rows, codes] = await Promise.all([
        allRegistrants(db, eventId),
        db.select({ id: institutions.id, code: institutions.code }).from(institutions),
      ]);
      const codeOf = new Map(codes.map((row) => [row.id, row.code]));
      return {
        event,
        rows: rows.map((row) => ({
          fullName: row.fullName,
          email: row.email,
          institution: row.institutionId ? (codeOf.get(row.institutionId) ?? '') : '',
          status: row.registration.status,
          position: row.position,
          registeredAt: row.registration.createdAt,
          checkedInAt: row.registration.checkedInAt,
        })),
      };
    },

    /** Records attendance of a confirmed registrant; checking in twice keeps the first time. */
    checkIn(who: Who, eventId: string, registrationId: string) {
      return db.transaction(async (tx) => {
        const { event, institutionId } = await managedEvent(tx, who.actor, eventId);
        const [row] = await tx
          .select()
          .from(registrations)
          .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, eventId)))
          .for('update');
        if (!row) throw notFound('registration');
        return recordCheckIn(tx, who, event, institutionId, row);
      });
    },

    /** Check-in with the secret of a registrant's QR code; a forged or foreign code is refused. */
    checkInByCode(who: Who, eventId: string, code: string) {
      return db.transaction(async (tx) => {
        const { event, institutionId } = await managedEvent(tx, who.actor, eventId);
        const [row] = await tx
          .select()
          .from(registrations)
          .where(and(eq(registrations.checkInTokenHash, sha256(code)), eq(registrations.eventId, eventId)))
          .for('update');
        if (!row) throw unprocessable('invalid_check_in_code', 'This code is not a registration for this event.');
        return recordCheckIn(tx, who, event, institutionId, row);
      });
    },

    // ——— attendance ———

    async attendance(actor: Actor, centreId: string, from?: string, to?: string) {
      const centre = await findCentre(db, centreId);
      if (!centre || !canManageCentreEvents(actor, centre.institutionId)) throw notFound('centre');
      const rows = await attendanceOf(db, centreId, from ? new Date(from) : undefined, to ? new Date(to) : undefined);
      const items = rows.map((row) => ({
        eventId: row.event.id,
        title: row.event.title,
        startsAt: row.event.startsAt.toISOString(),
        timeZone: row.event.timeZone,
        status: row.event.status,
        capacity: row.event.capacity,
        confirmed: row.confirmed,
        waitlisted: row.waitlisted,
        checkedIn: row.checkedIn,
      }));
      const counted = items.filter((item) => item.status !== 'cancelled');
      return {
        centreId,
        from: from ?? null,
        to: to ?? null,
        items,
        totals: {
          events: counted.length,
          capacity: counted.reduce((sum, item) => sum + item.capacity, 0),
          confirmed: counted.reduce((sum, item) => sum + item.confirmed, 0),
          checkedIn: counted.reduce((sum, item) => sum + item.checkedIn, 0),
        },
      };
    },

    // ——— calendars ———

    async centreCalendar(centreId: string, locale: Locale) {
      const centre = await findCentre(db, centreId);
      if (!centre) throw notFound('centre');
      const rows = await centreFeedEvents(db, centreId);
      return buildCalendar({ name: centre.name[locale] || centre.name.en || centre.name.ru || centre.name.zh, locale, events: rows.map(asIcs) });
    },

    async eventCalendar(actor: Actor | null, eventId: string, locale: Locale) {
      const { event } = await visibleEvent(db, actor, eventId);
      return buildCalendar({ name: event.title[locale] || event.title.en || event.title.ru || event.title.zh, locale, events: [asIcs(event)] });
    },

    /** The caller's personal feed token: the same each time, until `rotate` replaces it. */
    calendarFeed(who: Who, rotate: boolean) {
      return db.transaction(async (tx) => {
        let [row] = await tx.select().from(calendarFeeds).where(eq(calendarFeeds.userId, who.actor.id)).for('update');
        if (!row || rotate) {
          const createdAt = new Date();
          const token = feedToken(who.actor.id, createdAt);
          [row] = await tx
            .insert(calendarFeeds)
            .values({ userId: who.actor.id, tokenHash: sha256(token), createdAt })
            .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash: sha256(token), createdAt } })
            .returning();
          await writeAudit(tx, who, { action: rotate ? 'calendar_feed.rotate' : 'calendar_feed.create', entityType: 'calendar_feed', entityId: who.actor.id, institutionId: who.actor.institutionId });
        }
        const token = feedToken(who.actor.id, row!.createdAt);
        return { token, path: `/calendar-feeds/${token}/events.ics` };
      });
    },

    async personalCalendar(token: string, locale: Locale) {
      // The address works without a session, so it answers only while its owner may sign in.
      const [feed] = await db
        .select({ userId: calendarFeeds.userId })
        .from(calendarFeeds)
        .innerJoin(users, eq(users.id, calendarFeeds.userId))
        .where(and(eq(calendarFeeds.tokenHash, sha256(token)), eq(users.status, 'active')));
      if (!feed) throw notFound('calendar feed');
      const rows = await registrationsOfUser(db, feed.userId);
      return buildCalendar({
        name: { en: 'My cultural-centre events', ru: 'Мои мероприятия культурных центров', zh: '我的文化中心活动' }[locale],
        locale,
        events: rows.map((row) => ({ ...asIcs(row.event), tentative: row.registration.status === 'waitlisted' })),
      });
    },
  };

  function feedToken(userId: string, createdAt: Date) {
    return createHmac('sha256', feedKey).update(`${userId}:${createdAt.toISOString()}`).digest('base64url');
  }

  async function recordCheckIn(tx: Transaction, who: Who, event: EventRow, institutionId: string, row: RegistrationRow) {
    if (event.status === 'cancelled') throw conflict('event_cancelled', 'The event is cancelled.');
    if (row.status !== 'confirmed') {
      throw conflict(row.status === 'waitlisted' ? 'registration_waitlisted' : 'registration_cancelled', 'Only confirmed registrations can be checked in.', { registrationStatus: row.status });
    }
    let current = row;
    if (!row.checkedInAt) {
      const [updated] = await tx
        .update(registrations)
        .set({ checkedInAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(registrations.id, row.id))
        .returning();
      current = updated!;
      await writeAudit(tx, who, {
        action: 'registration.check_in',
        entityType: 'registration',
        entityId: row.id,
        institutionId,
        after: { checkedInAt: current.checkedInAt },
      });
    }
    const [person] = await tx
      .select({ fullName: users.fullName, email: users.email, institutionId: users.institutionId })
      .from(users)
      .where(eq(users.id, row.userId));
    return { ...toRegistration(current, null), ...person!, alreadyCheckedIn: Boolean(row.checkedInAt) };
  }
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

export type EventsService = ReturnType<typeof createEventsService>;
