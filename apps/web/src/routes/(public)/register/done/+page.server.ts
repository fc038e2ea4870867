import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const id = url.searchParams.get('institution');
  let institution = null;
  try {
    institution = (await locals.api.institutions()).items.find((item) => item.id === id) ?? null;
  } catch {
    // The page reads well without the institution's name.
  }
  return { institution };
};
