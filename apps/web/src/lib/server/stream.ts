import { error } from '@sveltejs/kit';
import { ApiError } from './api.js';

/**
 * Streams a file answer of the API on to the browser with its type, length and name.
 * `inline` shows it in the page (images, PDFs opened in a tab) instead of downloading it.
 */
export async function streamOn(load: () => Promise<Response>, options: { inline?: boolean } = {}): Promise<Response> {
  let answer: Response;
  try {
    answer = await load();
  } catch (cause) {
    if (cause instanceof ApiError) {
      if (cause.status === 404 || cause.status === 400 || cause.status === 403 || cause.status === 422) error(404, { message: 'not_found' });
      if (cause.status === 401) error(401, { message: 'forbidden' });
      // The document cannot be made yet (nothing signed, no transcript, data missing): said so, not a failure of ours.
      if (cause.status === 409) error(409, { message: 'not_ready' });
    }
    throw cause;
  }
  const headers = new Headers({
    'content-type': answer.headers.get('content-type') ?? 'application/octet-stream',
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  const length = answer.headers.get('content-length');
  if (length) headers.set('content-length', length);
  const disposition = answer.headers.get('content-disposition');
  if (disposition) headers.set('content-disposition', options.inline ? disposition.replace(/^\s*attachment/i, 'inline') : disposition);
  return new Response(answer.body, { status: 200, headers });
}
