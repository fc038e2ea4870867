/** The public check of a letter's code: what the form accepts and how each answer is told. */
import type { LetterVerification } from '@exchange/shared';

/** The code as typed, trimmed; null when nothing usable was typed (the API normalises the rest). */
export function typedCode(input: FormDataEntryValue | string | null | undefined): string | null {
  if (typeof input !== 'string') return null;
  const code = input.trim().replace(/\s+/g, '');
  return code.length > 0 && code.length <= 40 ? code : null;
}

/** How an answer is shown: the notice's colour and a mark that says the same without colour. */
export function verificationLook(status: LetterVerification['status']): { notice: 'success' | 'error' | 'info'; mark: string } {
  return {
    valid: { notice: 'success', mark: '✓' },
    revoked: { notice: 'error', mark: '✕' },
    unknown: { notice: 'info', mark: '?' },
  }[status] as { notice: 'success' | 'error' | 'info'; mark: string };
}
