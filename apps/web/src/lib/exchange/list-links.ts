/** List pages' query parameters and the links that change them (filters, paging). */

/** A list page's query: known keys only, blanks dropped, offset a non-negative integer. */
export function listParams(url: URL, keys: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const key of keys) {
    const value = url.searchParams.get(key)?.trim();
    if (value) result[key] = value.slice(0, 100);
  }
  if (result.offset !== undefined) {
    const offset = Number(result.offset);
    if (Number.isInteger(offset) && offset > 0) result.offset = String(offset);
    else delete result.offset;
  }
  return result;
}

/** A link to the same list with some parameters changed (`undefined` removes one). */
export function withParams(params: Record<string, string>, changes: Record<string, string | number | undefined>): string {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...changes })) {
    if (value !== undefined && value !== '' && !(key === 'offset' && Number(value) === 0)) next.set(key, String(value));
  }
  const query = next.toString();
  return query ? `?${query}` : '?';
}
