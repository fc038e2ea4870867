/** Escapes LIKE/ILIKE wildcards so that a search matches the typed text literally. */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);
