import Bowser from 'bowser';

/** A session's user agent as people read it: "Firefox 128", "Windows 10"; null when unknown. */
export function describeDevice(userAgent: string | null): { browser: string | null; system: string | null } {
  if (!userAgent) return { browser: null, system: null };
  const { browser, os } = Bowser.parse(userAgent);
  const major = browser.version?.split('.')[0];
  return {
    browser: browser.name ? [browser.name, major].filter(Boolean).join(' ') : null,
    system: os.name ? [os.name, os.versionName ?? os.version].filter(Boolean).join(' ') : null,
  };
}
