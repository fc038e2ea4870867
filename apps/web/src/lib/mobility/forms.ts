/** Reading the mobility forms: what the office typed, checked before it goes to the API. */
import { fundingSources, type FundingSource } from '@exchange/shared';

export const isLocalDate = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** The version the page showed; a missing one is sent as none, so the API still locks the row. */
export function versionOf(form: FormData): number | undefined {
  const raw = form.get('version');
  const version = typeof raw === 'string' && raw !== '' ? Number(raw) : NaN;
  return Number.isInteger(version) && version >= 0 ? version : undefined;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** Checked boxes of a bulk form: `id:version` pairs, at most 100. */
export function picked(form: FormData, isId: (value: unknown) => value is string): { id: string; version: number }[] {
  return form
    .getAll('pick')
    .map(String)
    .map((value) => {
      const [id, version] = value.split(':');
      return { id: id ?? '', version: Number(version) };
    })
    .filter((item) => isId(item.id) && Number.isInteger(item.version))
    .slice(0, 100);
}

export type Errors = Record<string, string>;

export function readAdmission(form: FormData) {
  const errors: Errors = {};
  const plannedStart = text(form, 'plannedStart');
  const plannedEnd = text(form, 'plannedEnd');
  const programme = text(form, 'programme');
  if (!isLocalDate(plannedStart)) errors.plannedStart = 'date_invalid';
  if (!isLocalDate(plannedEnd)) errors.plannedEnd = 'date_invalid';
  else if (isLocalDate(plannedStart) && plannedEnd <= plannedStart) errors.plannedEnd = 'end_before_start';
  if (!programme) errors.programme = 'required';
  const requestedDocuments = text(form, 'requestedDocuments')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (requestedDocuments.length > 10) errors.requestedDocuments = 'too_many';
  return { errors, value: { plannedStart, plannedEnd, programme, requestedDocuments } };
}

export function readDeparture(form: FormData) {
  const errors: Errors = {};
  const date = text(form, 'date');
  const interrupted = form.get('interrupted') === 'on';
  const reason = text(form, 'reason');
  if (!isLocalDate(date)) errors.date = 'date_invalid';
  if (interrupted && !reason) errors.reason = 'reason_required';
  return { errors, value: { date, interrupted, reason: interrupted ? reason : null } };
}

export function readFunding(form: FormData) {
  const errors: Errors = {};
  const source = text(form, 'source');
  if (!source) return { errors, value: null };
  if (!(fundingSources as readonly string[]).includes(source)) errors.source = 'required';
  const amount = Number(text(form, 'monthlyAmount').replace(',', '.'));
  if (!text(form, 'monthlyAmount') || !Number.isFinite(amount) || amount < 0 || amount > 1_000_000) errors.monthlyAmount = 'number_invalid';
  const currency = text(form, 'currency').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = 'currency_invalid';
  return { errors, value: { source: source as FundingSource, monthlyAmount: Math.round(amount * 100) / 100, currency } };
}
