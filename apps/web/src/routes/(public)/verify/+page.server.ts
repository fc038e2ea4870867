import { redirect } from '@sveltejs/kit';
import { typedCode } from '$lib/verify';
import type { PageServerLoad } from './$types';

/** The form sends `?code=` (it works without JavaScript); a usable code goes to its own page, which can be bookmarked or shared. */
export const load: PageServerLoad = ({ url }) => {
  if (!url.searchParams.has('code')) return { empty: false, typed: '' };
  const typed = url.searchParams.get('code') ?? '';
  const code = typedCode(typed);
  if (code) redirect(303, `/verify/${encodeURIComponent(code)}`);
  return { empty: true, typed: typed.slice(0, 40) };
};
