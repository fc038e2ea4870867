/**
 * Options of the Paraglide message compiler, shared by the build (`scripts/compile.js`) and the
 * web's Vite plugin, which recompiles on a catalog change during `npm run dev`. Paths are
 * absolute because the web runs the plugin from its own folder. The locale itself is decided
 * per request in the web's `src/hooks.server.ts` (cookie, then Accept-Language, then English)
 * and read back from `<html lang>` in the browser; the API passes it to every message.
 */
import { fileURLToPath } from 'node:url';

/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
  project: fileURLToPath(new URL('./project.inlang', import.meta.url)),
  outdir: fileURLToPath(new URL('./dist/paraglide', import.meta.url)),
  strategy: ['cookie', 'baseLocale'],
  cookieName: 'locale',
  // The API and packages/shared are TypeScript and need declarations for the compiled catalogs.
  emitTsDeclarations: true,
};
