/**
 * The query of a list page with `changes` applied (null or '' removes a key), without the `?`.
 * With `dropActions`, form-action keys (`/checkIn`) of the current address are left out, so a
 * link or an action built from the page's query never repeats the action just sent.
 */
export function changedQuery(
  current: URLSearchParams,
  changes: Record<string, string | null> = {},
  { dropActions = false }: { dropActions?: boolean } = {},
): string {
  const params = new URLSearchParams(current);
  if (dropActions) for (const key of [...params.keys()]) if (key.startsWith('/')) params.delete(key);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') params.delete(key);
    else params.set(key, value);
  }
  return params.toString();
}
