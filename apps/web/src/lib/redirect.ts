// A dummy origin: only what resolves to it is a path of this site.
const base = 'http://same-site.invalid';

/**
 * Where to go after signing in or switching language: only a path on this site, never
 * another origin (`//evil.example`, `/\evil.example`, `/.//evil.example`, `https://…`).
 * The URL parser resolves the value as a browser would (dot segments, backslashes,
 * percent-encoded dots); the result must stay on the dummy origin and be a path that does
 * not itself start with `//`, which a browser would read as another host.
 */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  // Browsers drop tabs and newlines inside a URL, so `/\t/evil` means `//evil`.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001F\u007F]/.test(value)) return fallback;
  const path = sameSitePath(value);
  // The path once resolved must resolve to itself again: `/.//evil` resolves to `//evil`.
  return path !== null && sameSitePath(path) === path ? path : fallback;
}

function sameSitePath(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base || !url.pathname.startsWith('/') || url.pathname.startsWith('//')) return null;
  return url.pathname + url.search + url.hash;
}
