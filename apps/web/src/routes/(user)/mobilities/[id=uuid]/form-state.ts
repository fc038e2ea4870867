/** What a mobility form action answers, as the page reads it. */
export type MobilityFormState = {
  action?: string;
  done?: string;
  itemId?: string;
  errors?: Record<string, string>;
  typed?: Record<string, unknown>;
  problem?: string;
  problemText?: string;
};

/** A field's error and typed value, for the form that was sent (not the others on the page). */
export function fieldsOf(state: MobilityFormState, action: string) {
  const own = state.action === action;
  return {
    error: (name: string) => (own ? state.errors?.[name] : undefined),
    typed: (name: string, fallback = '') => (own && state.typed?.[name] != null ? String(state.typed[name]) : fallback),
  };
}
