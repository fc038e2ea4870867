/**
 * The event form: what the coordinator typed (kept to refill the form) and the API body it
 * becomes. Times are typed as wall-clock time at the venue and become instants here.
 */
import { eventCreate, instantToZonedLocal, isTimeZone, zonedLocalToInstant, type Event, type EventCreate } from '@exchange/shared';

export type EventFormValues = {
  centreId: string;
  titleRu: string;
  titleZh: string;
  titleEn: string;
  descriptionRu: string;
  descriptionZh: string;
  descriptionEn: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  venueRu: string;
  venueZh: string;
  venueEn: string;
  onlineUrl: string;
  capacity: string;
  waitlistEnabled: boolean;
  registrationOpensAt: string;
  registrationClosesAt: string;
  audience: string[];
};

export type EventFormErrors = Partial<Record<keyof EventFormValues | 'title' | 'venue', string>>;

const localPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export function emptyValues(centreId: string, timeZone: string): EventFormValues {
  return {
    centreId,
    titleRu: '',
    titleZh: '',
    titleEn: '',
    descriptionRu: '',
    descriptionZh: '',
    descriptionEn: '',
    timeZone,
    startsAt: '',
    endsAt: '',
    venueRu: '',
    venueZh: '',
    venueEn: '',
    onlineUrl: '',
    capacity: '30',
    waitlistEnabled: true,
    registrationOpensAt: '',
    registrationClosesAt: '',
    audience: [],
  };
}

export function valuesOf(event: Event): EventFormValues {
  const local = (instant: string | null) => (instant ? instantToZonedLocal(instant, event.timeZone) : '');
  return {
    centreId: event.centreId,
    titleRu: event.title.ru,
    titleZh: event.title.zh,
    titleEn: event.title.en,
    descriptionRu: event.description.ru,
    descriptionZh: event.description.zh,
    descriptionEn: event.description.en,
    timeZone: event.timeZone,
    startsAt: local(event.startsAt),
    endsAt: local(event.endsAt),
    venueRu: event.venue?.ru ?? '',
    venueZh: event.venue?.zh ?? '',
    venueEn: event.venue?.en ?? '',
    onlineUrl: event.onlineUrl ?? '',
    capacity: String(event.capacity),
    waitlistEnabled: event.waitlistEnabled,
    registrationOpensAt: local(event.registrationOpensAt),
    registrationClosesAt: local(event.registrationClosesAt),
    audience: event.audience.institutionIds,
  };
}

export function readForm(form: FormData): EventFormValues {
  const text = (name: string) => String(form.get(name) ?? '').slice(0, 10_000);
  return {
    centreId: text('centreId'),
    titleRu: text('titleRu'),
    titleZh: text('titleZh'),
    titleEn: text('titleEn'),
    descriptionRu: text('descriptionRu'),
    descriptionZh: text('descriptionZh'),
    descriptionEn: text('descriptionEn'),
    timeZone: text('timeZone'),
    startsAt: text('startsAt'),
    endsAt: text('endsAt'),
    venueRu: text('venueRu'),
    venueZh: text('venueZh'),
    venueEn: text('venueEn'),
    onlineUrl: text('onlineUrl'),
    capacity: text('capacity'),
    waitlistEnabled: form.get('waitlistEnabled') === 'on',
    registrationOpensAt: text('registrationOpensAt'),
    registrationClosesAt: text('registrationClosesAt'),
    audience: form.getAll('audience').map(String).slice(0, 20),
  };
}

/** The API body, or the form's errors by field (codes the catalogs translate). */
export function toBody(values: EventFormValues): { body: EventCreate; errors: null } | { body: null; errors: EventFormErrors } {
  const errors: EventFormErrors = {};
  const zone = isTimeZone(values.timeZone) ? values.timeZone : null;
  if (!zone) errors.timeZone = 'invalid';
  const instant = (field: 'startsAt' | 'endsAt' | 'registrationOpensAt' | 'registrationClosesAt', required: boolean) => {
    const value = values[field].trim();
    if (!value) {
      if (required) errors[field] = 'required';
      return null;
    }
    if (!localPattern.test(value) || !zone) {
      errors[field] = 'invalid';
      return null;
    }
    return zonedLocalToInstant(value, zone).toISOString();
  };
  const startsAt = instant('startsAt', true);
  const endsAt = instant('endsAt', true);
  const opensAt = instant('registrationOpensAt', false);
  const closesAt = instant('registrationClosesAt', false);
  const capacity = Number(values.capacity);
  if (!values.capacity.trim() || !Number.isInteger(capacity) || capacity < 1) errors.capacity = 'number_invalid';
  if (!values.titleRu.trim() && !values.titleZh.trim() && !values.titleEn.trim()) errors.title = 'title_required';
  if (Object.keys(errors).length > 0) return { body: null, errors };

  const body: EventCreate = {
    centreId: values.centreId,
    title: { ru: values.titleRu, zh: values.titleZh, en: values.titleEn },
    description: { ru: values.descriptionRu, zh: values.descriptionZh, en: values.descriptionEn },
    startsAt: startsAt!,
    endsAt: endsAt!,
    timeZone: zone!,
    // Like a title: the languages left empty fall back to another when shown.
    venue: values.venueRu.trim() || values.venueZh.trim() || values.venueEn.trim() ? { ru: values.venueRu, zh: values.venueZh, en: values.venueEn } : null,
    onlineUrl: values.onlineUrl.trim() || null,
    capacity,
    waitlistEnabled: values.waitlistEnabled,
    registrationOpensAt: opensAt,
    registrationClosesAt: closesAt,
    audience: { institutionIds: values.audience },
  };
  const checked = eventCreate.safeParse(body);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = String(issue.path[0] ?? '');
      const name = (field === 'description' ? 'descriptionEn' : field) as keyof EventFormErrors;
      if (name === 'endsAt') errors.endsAt = 'ends_before_start';
      else if (name === 'registrationClosesAt') errors.registrationClosesAt = 'window_order';
      else if (name === 'venue') errors.venue = 'venue_required';
      else if (name === 'onlineUrl') errors.onlineUrl = 'url_invalid';
      else if (name && !(name in errors)) errors[name] = 'invalid';
    }
    return { body: null, errors };
  }
  return { body, errors: null };
}

/** Field errors of the API's validation problem, by form field. */
export function errorsFromApi(byName: Record<string, string>): EventFormErrors {
  const errors: EventFormErrors = {};
  for (const [name, code] of Object.entries(byName)) {
    if (name === 'capacity') errors.capacity = code === 'below_confirmed' ? 'capacity_below_confirmed' : 'number_invalid';
    else if (name === 'endsAt') errors.endsAt = 'ends_before_start';
    else if (name === 'registrationClosesAt') errors.registrationClosesAt = 'window_order';
    else if (name === 'venue') errors.venue = 'venue_required';
    else if (name === 'onlineUrl') errors.onlineUrl = 'url_invalid';
    else if (name === 'title') errors.title = 'title_required';
    else errors[name as keyof EventFormErrors] = 'invalid';
  }
  return errors;
}
