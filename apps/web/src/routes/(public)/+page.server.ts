import type { Institution } from '@exchange/shared';
import { log } from '$lib/server/log';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  let institutions: Institution[] = [];
  let institutionsUnavailable = false;
  try {
    institutions = (await locals.api.institutions()).items;
  } catch (error) {
    log.warn('Institutions unavailable for the home page', { error: String(error) });
    institutionsUnavailable = true;
  }
  return { institutions, institutionsUnavailable, now: new Date().toISOString() };
};
