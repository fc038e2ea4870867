import { isLocale } from '@exchange/shared';
import { baseLocale, overwriteGetLocale } from '@exchange/texts/runtime';

// The server chose the language for this page and wrote it into <html lang>; a change of
// language reloads the page, so the browser keeps reading it from there.
overwriteGetLocale(() => {
  const lang = document.documentElement.lang;
  return isLocale(lang) ? lang : baseLocale;
});
