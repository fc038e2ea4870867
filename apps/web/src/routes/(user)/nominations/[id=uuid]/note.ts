/** The sending office's note to the partner: what the form sends, and what is wrong with it. */

export const noteMaxLength = 2000;

// Characters a text field of the API refuses: control characters other than tab and line ends.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Reads the note from the form: trimmed; an empty note removes it (`null`). Saving the note
 * the nomination already has would only give the partner a new version to decide on, so it
 * is refused as unchanged.
 */
export function readNote(form: FormData, current: string | null): { note: string | null; typed: string; error?: string } {
  const typed = String(form.get('note') ?? '');
  const trimmed = typed.trim();
  const note = trimmed === '' ? null : trimmed;
  if (trimmed.length > noteMaxLength) return { note, typed, error: 'too_long_text' };
  if (controlCharacters.test(trimmed)) return { note, typed, error: 'note_invalid_characters' };
  if (note === (current?.trim() || null)) return { note, typed, error: 'note_unchanged' };
  return { note, typed };
}

/** The field error for an API validation code of `note`. */
export function noteErrorOf(code: string | undefined): string {
  if (code === 'too_big') return 'too_long_text';
  return 'note_invalid_characters';
}
