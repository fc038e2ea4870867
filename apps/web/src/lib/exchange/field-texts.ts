/**
 * Field error texts of a form's answer, as the server wrote them in the page language
 * (`fieldTexts` of `refuse` and `failure` in `$lib/server/exchange`): a page provides them once,
 * and its field components read them, so no page carries the catalog of every error text.
 */
import { getContext, setContext } from 'svelte';

const key = Symbol('field texts');

type Texts = () => Record<string, string> | undefined;

/** Makes the answer's field texts available to the components below the page. */
export function provideFieldTexts(texts: Texts) {
  setContext(key, texts);
}

/** The text of a field error code (an empty string for none), for a component below a page that provides them. */
export function useFieldTexts(): (code: string | undefined) => string {
  const texts = getContext<Texts | undefined>(key);
  return (code) => (code ? (texts?.()?.[code] ?? '') : '');
}
