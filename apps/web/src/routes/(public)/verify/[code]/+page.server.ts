import { ApiError } from '$lib/server/api';
import { pageError } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { locals, params } = event;
  try {
    return { result: await locals.api.letters.verify(params.code) };
  } catch (cause) {
    // A code the API cannot even look up (too long, say) is simply not a letter's code.
    if (cause instanceof ApiError && cause.status === 400) return { result: { code: params.code.slice(0, 40), status: 'unknown' as const } };
    pageError(cause, event);
  }
};
