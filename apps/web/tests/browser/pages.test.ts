/**
 * Every page for every role: axe-core finds no serious or critical violation in English,
 * Russian and Chinese (light colours) and in English with dark colours, nothing scrolls
 * sideways on a 360-pixel phone, and no page logs an error. One signed-in browser per role.
 *
 * With SCREENSHOTS=1 the main pages are also saved as PNG files in docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, chooseLanguage, firstPage, launch, seriousViolations, signIn, type Browser } from './browser';

const screenshotDir = fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url));
const takeScreenshots = process.env.SCREENSHOTS === '1';

/** The first link on a page whose path matches, or undefined. */
async function firstLink(page: Page, path: string, pattern: RegExp): Promise<string | undefined> {
  await page.goto(`${baseUrl}${path}`);
  const hrefs = await page.$$eval('main a[href]', (links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.find((href) => pattern.test(href));
}

const uuid = '[0-9a-f-]{36}';
const re = (source: string) => new RegExp(`^${source.replaceAll('ID', uuid)}$`);

/**
 * Screenshots to take with SCREENSHOTS=1, as `light:path`, `dark:path` or `phone:path` (English),
 * or `zh:light:path` (Chinese, saved with a `zh-` prefix).
 */
type Role = { name: string; email?: string; pages: (page: Page) => Promise<string[]>; screenshots?: string[] };

const publicPages = async (page: Page) => {
  const event = await firstLink(page, '/events', re('/events/ID'));
  return ['/', '/login', '/register', '/events', ...(event ? [event] : [])];
};

const roles: Role[] = [
  { name: 'visitor', pages: publicPages, screenshots: ['light:/', 'light:/events', 'zh:light:/events'] },
  {
    name: 'student',
    email: 'student1@psu.exchange.test',
    screenshots: ['light:/', 'light:/calls', 'phone:/', 'zh:light:/'],
    pages: async (page) => {
      const call = await firstLink(page, '/calls', re('/calls/ID'));
      const application = await firstLink(page, '/applications', re('/applications/ID'));
      const event = await firstLink(page, '/events', re('/events/ID'));
      const agreement = await firstLink(page, '/agreements', re('/agreements/ID'));
      return ['/', '/calls', call, '/applications', application, '/events', event, '/events/mine', '/notifications', '/agreements', agreement].filter(
        (path): path is string => !!path,
      );
    },
  },
  {
    name: 'coordinator',
    email: 'coordinator@psu.exchange.test',
    screenshots: ['light:/', 'light:/nominations', 'light:/flows', 'phone:/'],
    pages: async (page) => {
      const call = await firstLink(page, '/calls', re('/calls/ID'));
      const review = call ? `${call}/applications` : undefined;
      const application = review ? await firstLink(page, review, re('/applications/ID')) : undefined;
      const officeCall = await firstLink(page, '/calls', re('/office/calls/ID'));
      const nomination = await firstLink(page, '/nominations?direction=outgoing', re('/nominations/ID'));
      const event = await firstLink(page, '/office/events', re('/office/events/ID'));
      const agreement = await firstLink(page, '/agreements', re('/agreements/ID'));
      return [
        '/',
        '/calls',
        call,
        review,
        call ? `${call}/allocation` : undefined,
        application,
        '/office/calls/new',
        officeCall,
        '/nominations',
        '/nominations?direction=outgoing',
        nomination,
        '/flows',
        '/office/students',
        '/office/events',
        '/office/events/new',
        event,
        event ? `${event}/registrations` : undefined,
        event ? `${event}/check-in` : undefined,
        '/office/events/attendance',
        '/events',
        '/notifications',
        '/agreements',
        agreement,
      ].filter((path): path is string => !!path);
    },
  },
  {
    name: 'partner coordinator',
    email: 'coordinator@buas.exchange.test',
    screenshots: ['zh:light:/nominations?direction=incoming'],
    pages: async (page) => {
      const nomination = await firstLink(page, '/nominations?direction=incoming', re('/nominations/ID'));
      return ['/', '/nominations?direction=incoming', ...(nomination ? [nomination] : []), '/calls', '/flows', '/office/students', '/office/events'];
    },
  },
  {
    name: 'reviewer',
    email: 'reviewer@buas.exchange.test',
    pages: async (page) => {
      const call = await firstLink(page, '/calls', re('/calls/ID'));
      const nomination = await firstLink(page, '/nominations', re('/nominations/ID'));
      return [
        '/',
        '/calls',
        ...(call ? [call, `${call}/applications`] : []),
        '/nominations',
        ...(nomination ? [nomination] : []),
        '/flows',
        '/agreements',
        '/notifications',
      ];
    },
  },
  {
    name: 'admin',
    email: 'admin@exchange.test',
    screenshots: ['dark:/'],
    pages: async (page) => {
      const agreement = await firstLink(page, '/agreements', re('/agreements/ID'));
      const quota = agreement ? await firstLink(page, agreement, re(`${agreement}/quotas/ID`)) : undefined;
      return [
        '/',
        '/agreements',
        agreement,
        agreement ? `${agreement}/quotas/new` : undefined,
        quota,
        '/centres',
        '/flows',
        '/nominations',
        '/office/students',
        '/notifications',
      ].filter((path): path is string => !!path);
    },
  },
];

const shotName = (role: string, path: string) => `${role.replace(/\s+/g, '-')}${path === '/' ? '-home' : path.replace(/[/?=&]+/g, '-')}.png`;

describe.each(roles)('every page as $name', (role) => {
  let browser: Browser;
  let page: Page;
  let paths: string[] = [];
  /** The console errors met so far, each once and shortened. */
  const problems = () => [...new Set(browser.problems.map((problem) => problem.slice(0, 160)))];

  beforeAll(async () => {
    browser = await launch();
    page = await firstPage(browser);
    if (role.email) {
      // One more try when a busy machine makes the first sign-in slower than the wait.
      for (let attempt = 1; ; attempt++) {
        try {
          await page.goto(`${baseUrl}/login`);
          await signIn(page, role.email);
          break;
        } catch (error) {
          if (attempt >= 2) throw error;
        }
      }
    }
    paths = await role.pages(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['en', 'light'],
    ['ru', 'light'],
    ['zh', 'light'],
    ['en', 'dark'],
  ] as const)('axe finds nothing serious in %s, %s colours', async (locale, colorScheme) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(`${baseUrl}/`);
    await chooseLanguage(page, locale);
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(`${baseUrl}${path}`);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
      for (const violation of await seriousViolations(page)) found.push(`${path}: ${violation}`);
      const shot = locale === 'en' ? `${colorScheme}:${path}` : `${locale}:${colorScheme}:${path}`;
      if (takeScreenshots && role.screenshots?.includes(shot)) {
        mkdirSync(screenshotDir, { recursive: true });
        const prefix = `${locale === 'en' ? '' : `${locale}-`}${colorScheme === 'dark' ? 'dark-' : ''}`;
        await page.screenshot({ path: `${screenshotDir}${prefix}${shotName(role.name, path)}`, fullPage: false });
      }
    }
    expect(paths.length).toBeGreaterThan(3);
    expect(found).toEqual([]);
    expect(problems()).toEqual([]);
  });

  it('nothing scrolls sideways at 360 pixels', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 360, height: 740 });
    const wide: string[] = [];
    for (const locale of ['ru', 'en'] as const) {
      await page.goto(`${baseUrl}/`);
      await chooseLanguage(page, locale);
      for (const path of paths) {
        await page.goto(`${baseUrl}${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) wide.push(`${locale} ${path}: ${overflow}px`);
        if (takeScreenshots && locale === 'en' && role.screenshots?.includes(`phone:${path}`)) {
          await page.screenshot({ path: `${screenshotDir}phone-${shotName(role.name, path)}` });
        }
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(wide).toEqual([]);
    expect(problems()).toEqual([]);
  });
});
