import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, firstPage, launch, signIn, type Browser } from './browser';

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's Content-Security-Policy would refuse
  // an inline script tag (and say so on the console).
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function agreementPath(page: Page): Promise<string> {
  await page.goto(`${baseUrl}/agreements`);
  const href = await page.getAttribute('main h2 a[href^="/agreements/"]', 'href');
  expect(href).toBeTruthy();
  return href!;
}

/**
 * The learning agreement of a demo student's mobility, signed in as that student: the version in
 * force (PSU → BRI, no change pending), so the page shows the editor of a change as well.
 */
async function learningAgreementPath(page: Page): Promise<string> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await signIn(page, 'student4@psu.exchange.test');
  await page.goto(`${baseUrl}/mobilities`);
  // One mobility opens straight away; with more, the first of the list.
  const mobility = /^\/mobilities\/[0-9a-f-]{36}$/.test(new URL(page.url()).pathname)
    ? new URL(page.url()).pathname
    : await page.getAttribute('main a[href^="/mobilities/"]', 'href');
  return `${mobility}/learning-agreement`;
}

/** The first mobility a user sees: the one opened straight away, or the first of the list at `list`. */
async function firstMobilityPath(page: Page, email: string, list = '/mobilities'): Promise<string> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await signIn(page, email);
  await page.goto(`${baseUrl}${list}`);
  return /^\/mobilities\/[0-9a-f-]{36}$/.test(new URL(page.url()).pathname)
    ? new URL(page.url()).pathname
    : ((await page.getAttribute('main a[href^="/mobilities/"]', 'href')) ?? '');
}

/** Recognition pages of the demo: PSU's form for the transcript of a BUAS student abroad, and a PSU student's stay recognised. */
const recognitionPaths = async (page: Page) => ({
  transcriptForm: `${await firstMobilityPath(page, 'coordinator@psu.exchange.test', '/mobilities?direction=incoming&status=abroad')}/recognition`,
  recognised: `${await firstMobilityPath(page, 'student5@psu.exchange.test')}/recognition`,
});

describe.each(['light', 'dark'] as const)('accessibility, %s colour scheme', (colorScheme) => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch({ colorScheme });
    page = await firstPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    '/',
    '/login',
    '/register',
    '/password-reset',
    '/password-reset/a-link-that-was-never-sent',
    '/invitation/a-link-that-was-never-sent',
    '/login/oidc/callback',
  ])('%s has no serious violations', async (path) => {
    await page.goto(`${baseUrl}${path}`);
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('the account page and the administrator’s sign-in providers have no serious violations', async () => {
    await page.context().clearCookies();
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'admin@exchange.test');
    try {
      await page.goto(`${baseUrl}/account`);
      expect(await page.locator('[data-testid="session"]').count()).toBeGreaterThan(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.goto(`${baseUrl}/sign-in-providers`);
      expect(await page.locator('[data-testid="provider-PSU"]').count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      expect(browser.problems).toEqual([]);
    } finally {
      // The next test signs in afresh.
      await page.context().clearCookies();
    }
  });

  it('the agreement page has no serious violations', async () => {
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'admin@exchange.test');
    await page.goto(`${baseUrl}${await agreementPath(page)}`);
    expect(await page.locator('table').count()).toBeGreaterThan(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('a measure of the plan, with the report form, its evidence and history, has no serious violations', async () => {
    // BRI's coordinator reports on the summer school (the seeded measure BRI is responsible for).
    await page.context().clearCookies();
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'coordinator@bri.exchange.test');
    const agreement = await agreementPath(page);
    await page.goto(`${baseUrl}${agreement}`);
    const href = await page.getAttribute('[data-testid="plan-table"] tbody tr:nth-child(4) a', 'href');
    await page.goto(`${baseUrl}${href}`);
    expect(await page.locator('#report-status').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    // The administrator's view adds the editor and the removal behind a confirmation.
    await page.context().clearCookies();
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'admin@exchange.test');
    await page.goto(`${baseUrl}${href}`);
    expect(await page.locator('#edit-deadline').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('the learning agreement page, with the student’s editor, has no serious violations', async () => {
    await page.goto(`${baseUrl}${await learningAgreementPath(page)}`);
    expect(await page.locator('[data-testid="la-editor"]').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('the recognition pages, the host’s transcript form and a recognised stay, have no serious violations', async () => {
    const paths = await recognitionPaths(page);
    await page.goto(`${baseUrl}${paths.recognised}`);
    expect(await page.locator('[data-testid="decision"]').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().clearCookies();
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'coordinator@psu.exchange.test');
    await page.goto(`${baseUrl}${paths.transcriptForm}`);
    expect(await page.locator('[data-testid="transcript-form"]').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('the grades and credits page, with its forms, and the flows with the recognition report have no serious violations', async () => {
    await page.context().clearCookies();
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'coordinator@psu.exchange.test');
    await page.goto(`${baseUrl}/grading`);
    expect(await page.locator('[data-testid="scale-form"]').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${baseUrl}/flows`);
    expect(await page.locator('#recognition-report-title').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('the people pages, the student import and the audit log have no serious violations', async () => {
    await page.context().clearCookies();
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'admin@exchange.test');
    for (const [path, marker] of [
      ['/users', 'people-table'],
      ['/users/import', 'import-form'],
      ['/audit', 'audit-filters'],
    ] as const) {
      await page.goto(`${baseUrl}${path}`);
      expect(await page.locator(`[data-testid="${marker}"]`).count(), path).toBe(1);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    expect(browser.problems).toEqual([]);
  });
});

describe('narrow screens', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch({ viewport: { width: 360, height: 740 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('nothing scrolls sideways at 360 pixels', async () => {
    const page = await firstPage(browser);
    const wide: string[] = [];
    const check = async (path: string) => {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) wide.push(`${path}: ${overflow}px`);
    };
    for (const path of ['/', '/login', '/register']) {
      await page.goto(`${baseUrl}${path}`);
      await check(path);
    }
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'admin@exchange.test');
    await check('/ (admin)');
    // The staff header (the administrator's has the longest links) leaves the phone's screen to the page.
    const header = await page.evaluate(() => document.querySelector('header.site-header')!.getBoundingClientRect().height);
    expect(header).toBeLessThanOrEqual(740 / 4);
    const agreement = await agreementPath(page);
    await page.goto(`${baseUrl}${agreement}`);
    await check(agreement);
    await page.goto(`${baseUrl}/office/students`);
    await check('/office/students');
    for (const path of ['/users', '/users/import', '/audit']) {
      await page.goto(`${baseUrl}${path}`);
      await check(path);
    }
    const learningAgreement = await learningAgreementPath(page);
    await page.goto(`${baseUrl}${learningAgreement}`);
    await check(learningAgreement);
    const recognition = await recognitionPaths(page);
    await page.goto(`${baseUrl}${recognition.recognised}`);
    await check(recognition.recognised);
    await page.context().clearCookies();
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'coordinator@psu.exchange.test');
    await page.goto(`${baseUrl}${recognition.transcriptForm}`);
    await check(recognition.transcriptForm);
    await page.goto(`${baseUrl}/grading`);
    await check('/grading');
    expect(wide).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
