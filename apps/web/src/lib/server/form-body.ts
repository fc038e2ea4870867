/** The bodies an HTML form sends (`text/plain` forms are not used here and cannot be parsed). */
const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export function isFormContentType(header: string | null): boolean {
  const type = header?.split(';', 1)[0]!.trim().toLowerCase() ?? '';
  return formTypes.includes(type);
}

/**
 * Every POST of this site goes to a form action or a form endpoint. This reads the form of
 * one up front, once, and hands that same parse to the action's `request.formData()`; a body
 * no form sends (JSON, plain text) or one that does not parse (a multipart body without its
 * boundary, a truncated one) is refused here with 400, so no action meets it as a TypeError
 * that would become a logged 500. A body over the size limit answers 413.
 * Returns null when the request may go on.
 */
export async function refuseUnreadableForm(request: Request): Promise<400 | 413 | null> {
  if (request.method !== 'POST' || request.body === null) return null;
  if (!isFormContentType(request.headers.get('content-type'))) return 400;
  try {
    const form = await request.formData();
    request.formData = () => Promise.resolve(form);
    return null;
  } catch (cause) {
    return (cause as { status?: unknown } | null)?.status === 413 ? 413 : 400;
  }
}
