import type { ApplicationErrors } from '$lib/exchange/application-form';

/** A field's `aria-describedby`: its error (when it has one) and its hint, or nothing. */
export const describedBy = (errors: ApplicationErrors, name: keyof ApplicationErrors, hint?: string) =>
  [errors[name] ? `${name}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;
