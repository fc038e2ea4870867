/**
 * Verification codes of the letters the host issues. Here rather than in the API so that the
 * demo seed writes codes of the same form as the running system.
 */

/** Crockford's base 32: no I, L, O or U, so a code read aloud or typed from paper is not mistaken. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The Web Crypto of Node and the browser alike (this package is built without either's types). */
const webCrypto = (globalThis as unknown as { crypto: { getRandomValues(array: Uint8Array): Uint8Array } }).crypto;

/** A verification code such as `K7QM-3XR9-TB4P`: 60 random bits, too many to guess. */
export function newLetterCode(): string {
  // 256 is a multiple of 32, so the low five bits of a random byte pick a character without bias.
  const bytes = webCrypto.getRandomValues(new Uint8Array(12));
  const characters = Array.from(bytes, (byte: number) => alphabet[byte & 31]);
  return [0, 4, 8].map((start) => characters.slice(start, start + 4).join('')).join('-');
}

/** How a code typed by a person is looked up: upper case, O read as 0, I and L as 1, hyphens where they belong. */
export function normaliseLetterCode(input: string): string {
  const plain = input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return plain.length === 12 ? [0, 4, 8].map((start) => plain.slice(start, start + 4)).join('-') : plain;
}
