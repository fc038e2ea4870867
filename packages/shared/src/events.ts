/**
 * Cultural centres, their events and registrations: the contract's shapes, shared by the API
 * (validation, responses, OpenAPI) and the web (forms, typed answers).
 */
import { z } from 'zod';
import { eventStatuses, locales, registrationStatuses } from './enums.js';
import { id, instant, localizedText, text } from './schemas/common.js';

const localizedOut = z.object({ ru: z.string(), zh: z.string(), en: z.string() });
const emptyText = { ru: '', zh: '', en: '' };
/** A text that may be left empty in every language (descriptions). */
const optionalLocalizedText = (max: number) => z.strictObject({ ru: text(max), zh: text(max), en: text(max) });
/**
 * A venue in the three languages, like a title; a missing language falls back to another when
 * shown. A plain string (the contract's first form) stands for the same words in all three.
 */
const venueText = z
  .union([text(300), optionalLocalizedText(300)])
  .nullable()
  .transform((value) => {
    if (value === null) return null;
    const localized = typeof value === 'string' ? { ru: value, zh: value, en: value } : value;
    return localized.ru || localized.zh || localized.en ? localized : null;
  });

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZone = z.string().refine(isTimeZone, { message: 'Not a known IANA time zone' });

// ——— centres ———

export const centre = z.object({
  id,
  institutionId: id,
  name: localizedOut,
  description: localizedOut,
});
export type Centre = z.infer<typeof centre>;

export const centreCreate = z.strictObject({
  institutionId: id,
  name: localizedText(200),
  description: optionalLocalizedText(4000).optional().default(emptyText),
});
export type CentreCreate = z.input<typeof centreCreate>;

// ——— events ———

export const eventStatus = z.enum(eventStatuses);
export const registrationStatus = z.enum(registrationStatuses);

/** Who may register: everyone (empty list), or people of the listed institutions. */
export const audience = z.object({ institutionIds: z.array(id) });

export const event = z.object({
  id,
  centreId: id,
  institutionId: id,
  title: localizedOut,
  description: localizedOut,
  startsAt: instant,
  endsAt: instant,
  timeZone: z.string(),
  venue: localizedOut.nullable(),
  onlineUrl: z.string().nullable(),
  capacity: z.number().int(),
  waitlistEnabled: z.boolean(),
  registrationOpensAt: instant.nullable(),
  registrationClosesAt: instant.nullable(),
  audience,
  status: eventStatus,
  confirmedCount: z.number().int(),
  waitlistCount: z.number().int(),
  updatedAt: instant,
});
export type Event = z.infer<typeof event>;

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), { message: 'An http:// or https:// address' });

const eventFields = {
  title: localizedText(200),
  description: optionalLocalizedText(8000),
  startsAt: instant,
  endsAt: instant,
  timeZone,
  venue: venueText,
  onlineUrl: httpUrl.nullable(),
  capacity: z.number().int().min(1).max(100_000),
  waitlistEnabled: z.boolean(),
  registrationOpensAt: instant.nullable(),
  registrationClosesAt: instant.nullable(),
  audience: z.strictObject({ institutionIds: z.array(id).max(20) }),
};

type Times = {
  startsAt?: string | undefined;
  endsAt?: string | undefined;
  registrationOpensAt?: string | null | undefined;
  registrationClosesAt?: string | null | undefined;
};
const endsAfterStart = (value: Times) => !value.startsAt || !value.endsAt || Date.parse(value.startsAt) < Date.parse(value.endsAt);
const windowInOrder = (value: Times) =>
  !value.registrationOpensAt || !value.registrationClosesAt || Date.parse(value.registrationOpensAt) < Date.parse(value.registrationClosesAt);

export const eventCreate = z
  .strictObject({
    centreId: id,
    title: eventFields.title,
    description: eventFields.description.optional().default(emptyText),
    startsAt: eventFields.startsAt,
    endsAt: eventFields.endsAt,
    /** The venue's zone; the centre's institution's zone when left out. */
    timeZone: eventFields.timeZone.optional(),
    venue: eventFields.venue.default(null),
    onlineUrl: eventFields.onlineUrl.default(null),
    capacity: eventFields.capacity,
    waitlistEnabled: eventFields.waitlistEnabled.default(true),
    registrationOpensAt: eventFields.registrationOpensAt.default(null),
    registrationClosesAt: eventFields.registrationClosesAt.default(null),
    audience: eventFields.audience.default({ institutionIds: [] }),
  })
  .refine(endsAfterStart, { message: 'The event must end after it starts', path: ['endsAt'] })
  .refine(windowInOrder, { message: 'Registration must open before it closes', path: ['registrationClosesAt'] })
  .refine((value) => Boolean(value.venue || value.onlineUrl), { message: 'Give a venue or an online link', path: ['venue'] });
export type EventCreate = z.input<typeof eventCreate>;

export const eventUpdate = z
  .strictObject({
    title: eventFields.title.optional(),
    description: eventFields.description.optional(),
    startsAt: eventFields.startsAt.optional(),
    endsAt: eventFields.endsAt.optional(),
    timeZone: eventFields.timeZone.optional(),
    venue: eventFields.venue.optional(),
    onlineUrl: eventFields.onlineUrl.optional(),
    /** Raising it confirms people from the waiting list; below the confirmed count it is refused. */
    capacity: eventFields.capacity.optional(),
    waitlistEnabled: eventFields.waitlistEnabled.optional(),
    registrationOpensAt: eventFields.registrationOpensAt.optional(),
    registrationClosesAt: eventFields.registrationClosesAt.optional(),
    audience: eventFields.audience.optional(),
  })
  .refine(endsAfterStart, { message: 'The event must end after it starts', path: ['endsAt'] })
  .refine(windowInOrder, { message: 'Registration must open before it closes', path: ['registrationClosesAt'] });
export type EventUpdate = z.input<typeof eventUpdate>;

/** `any` lists every status the caller may see (their own centres' drafts included). */
export const eventListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  centreId: id.optional(),
  /** Events still running at or after this instant; now when left out. */
  from: instant.optional(),
  /** Events starting before this instant. */
  to: instant.optional(),
  /** Only events whose title is written in this language. */
  lang: z.enum(locales).optional(),
  status: z.enum([...eventStatuses, 'any']).optional(),
});
export type EventListQuery = z.input<typeof eventListQuery>;

// ——— registrations ———

export const registration = z.object({
  id,
  eventId: id,
  userId: id,
  status: registrationStatus,
  /** Place in the waiting list (1 = next), or null when not waiting. */
  position: z.number().int().nullable(),
  checkedInAt: instant.nullable(),
  createdAt: instant,
  /** The registrant's own check-in secret (for the QR code); only ever shown to them. */
  checkInCode: z.string().optional(),
});
export type Registration = z.infer<typeof registration>;

/** A registration as the centre's coordinator sees it. */
export const registrant = registration.omit({ checkInCode: true }).extend({
  fullName: z.string(),
  email: z.string(),
  institutionId: id.nullable(),
});
export type Registrant = z.infer<typeof registrant>;

export const registrationCounts = z.object({
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  cancelled: z.number().int(),
  checkedIn: z.number().int(),
});

export const registrationListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  /** Part of a name or an e-mail address. */
  q: text(100).optional(),
  status: registrationStatus.optional(),
});
export type RegistrationListQuery = z.infer<typeof registrationListQuery>;

export const registrationPage = z.object({
  items: z.array(registrant),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  counts: registrationCounts,
});
export type RegistrationPage = z.infer<typeof registrationPage>;

export const checkInByCode = z.strictObject({ code: z.string().trim().min(1).max(200) });
/** The answer of a check-in: the registrant, and whether they had been checked in before. */
export const checkedIn = registrant.extend({ alreadyCheckedIn: z.boolean() });
export type CheckedIn = z.infer<typeof checkedIn>;

/** Registrations of the signed-in person, with their events. */
export const myRegistration = registration.extend({ event });
export type MyRegistration = z.infer<typeof myRegistration>;
export const myRegistrationList = z.object({ items: z.array(myRegistration) });

// ——— attendance ———

export const attendanceQuery = z.strictObject({ from: instant.optional(), to: instant.optional() });

export const attendanceRow = z.object({
  eventId: id,
  title: localizedOut,
  startsAt: instant,
  timeZone: z.string(),
  status: eventStatus,
  capacity: z.number().int(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  checkedIn: z.number().int(),
});
export type AttendanceRow = z.infer<typeof attendanceRow>;

export const attendance = z.object({
  centreId: id,
  from: instant.nullable(),
  to: instant.nullable(),
  items: z.array(attendanceRow),
  totals: z.object({ events: z.number().int(), capacity: z.number().int(), confirmed: z.number().int(), checkedIn: z.number().int() }),
});
export type Attendance = z.infer<typeof attendance>;

// ——— calendars ———

export const calendarFeed = z.object({ token: z.string(), path: z.string() });
export type CalendarFeed = z.infer<typeof calendarFeed>;

/** Where a registrant's QR code points: the coordinator's door page for that code. */
export const checkInPath = (eventId: string, code: string) => `/office/events/${eventId}/check-in?code=${encodeURIComponent(code)}`;

/** Spreadsheet-safe cell text: formulas are neutralised with a leading apostrophe. */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
