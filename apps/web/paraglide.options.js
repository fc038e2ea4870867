/**
 * Options of the Paraglide message compiler, shared by the Vite plugin and the compile script.
 * The locale itself is decided per request in `src/hooks.server.ts` (cookie, then
 * Accept-Language, then English) and read back from `<html lang>` in the browser.
 */
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
  project: './project.inlang',
  outdir: './src/lib/paraglide',
  strategy: ['cookie', 'baseLocale'],
  cookieName: 'locale',
  emitTsDeclarations: false,
};
