/**
 * Shared set-up of the browser tests: Debian's chromium driven by playwright-core, a fresh
 * profile per launch, and a record of every console error and page error.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const baseUrl = (process.env.WEB_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const demoPassword = 'Exchange-Demo-2026!';

const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type Browser = { context: BrowserContext; problems: string[]; close(): Promise<void> };

export async function launch(
  options: { javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {},
): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'exchange-browser-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args,
    headless: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'en-GB',
  });
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    problems,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The page the context opened with, or a new one. */
export async function firstPage(browser: Browser): Promise<Page> {
  return browser.context.pages()[0] ?? (await browser.context.newPage());
}

type Catalog = Record<string, string>;
const catalogDir = fileURLToPath(new URL('../../../../packages/texts/messages/', import.meta.url));
/** A language's whole catalog: its parts (web, labels, mail, export) hold each key once. */
const catalogOf = (locale: 'en' | 'ru' | 'zh'): Catalog =>
  Object.assign(
    {},
    ...readdirSync(join(catalogDir, locale))
      .filter((file) => file.endsWith('.json'))
      .map((file) => JSON.parse(readFileSync(join(catalogDir, locale, file), 'utf8')) as Catalog),
  ) as Catalog;
export const catalogs: Record<'en' | 'ru' | 'zh', Catalog> = { en: catalogOf('en'), ru: catalogOf('ru'), zh: catalogOf('zh') };

/** Chooses the language with the switcher's form (which remembers it), and waits for the page in it. */
export async function chooseLanguage(page: Page, locale: 'en' | 'ru' | 'zh') {
  await Promise.all([page.waitForResponse((response) => new URL(response.url()).pathname === '/language'), page.click(`[data-testid="language-${locale}"]`)]);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, locale);
  await page.waitForLoadState('load');
}

export async function signIn(page: Page, email: string, password = demoPassword) {
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/login', { timeout: 30_000 }), page.click('form.form button[type="submit"]')]);
  await page.waitForLoadState('load');
}

export async function signOut(page: Page) {
  await Promise.all([page.waitForURL(`${baseUrl}/`), page.click('form[action="/logout"] button')]);
  await page.waitForSelector('a[href="/login"]');
}

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;
type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** What axe finds serious or critical on the page (WCAG 2.0–2.2 A/AA and best practice), one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's Content-Security-Policy refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} — ${violation.nodes
          .slice(0, 4)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}
