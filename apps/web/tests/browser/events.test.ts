/**
 * Cultural-centre events end to end: the PSU coordinator publishes an event in Moscow time,
 * a BUAS student registers for it in Chinese and sees it in Moscow and Shanghai time, and the
 * coordinator checks them in at the door with the QR code's link.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, catalogs, chooseLanguage, firstPage, launch, signIn, type Browser } from './browser';

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/** Serious and critical axe findings on the current page. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    type Found = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Found[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

const zh = catalogs.zh;
const ru = catalogs.ru;

/** A date a week ahead (as the venue's calendar shows it), at 14:00 Moscow time. */
const day = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);
const title = `浏览器测试：剪纸工作坊 ${Date.now().toString(36)}`;

const hhmm = (instant: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForLoadState('load'), page.waitForResponse((response) => response.request().method() === 'POST'), page.click(selector)]);
  await page.waitForLoadState('networkidle');
}

describe('cultural-centre events across two time zones', () => {
  let coordinator: Browser;
  let student: Browser;
  let eventPath = '';
  let checkInUrl = '';

  beforeAll(async () => {
    coordinator = await launch();
    student = await launch({ viewport: { width: 360, height: 780 } });
  });
  afterAll(async () => {
    await coordinator?.close();
    await student?.close();
  });

  it('the PSU coordinator creates and publishes an event in Moscow time', async () => {
    const page = await firstPage(coordinator);
    await page.goto(`${baseUrl}/login`);
    await chooseLanguage(page, 'ru');
    await signIn(page, 'coordinator@psu.exchange.test');
    const nav = (await page.locator('nav[aria-label] a').allTextContents()).map((item) => item.trim());
    expect(nav).toContain(ru.nav_centre_events);

    await page.goto(`${baseUrl}/office/events/new`);
    expect(await page.textContent('h1')).toBe(ru.office_events_new);
    await page.fill('#titleZh', title);
    await page.fill('#titleEn', 'Browser test: paper-cutting workshop');
    expect(await page.inputValue('#timeZone')).toBe('Europe/Moscow');
    await page.fill('#startsAt', `${day}T14:00`);
    await page.fill('#endsAt', `${day}T16:00`);
    await page.fill('#venueRu', 'ПГУ, корпус 7, ауд. 301');
    await page.fill('#capacity', '5');
    await Promise.all([page.waitForURL(/\/office\/events\/[0-9a-f-]{36}\?created=1$/), page.click('[data-testid="event-submit"]')]);
    await page.waitForLoadState('networkidle');
    await submit(page, '[data-testid="publish"]');
    expect(await page.textContent('[data-testid="office-event-done"]')).toContain(ru.office_event_published);
    eventPath = new URL(page.url()).pathname.replace('/office', '');
    expect(coordinator.problems).toEqual([]);
  });

  it('a BUAS student registers in Chinese and sees Moscow and Shanghai time', async () => {
    const page = await firstPage(student);
    await page.goto(`${baseUrl}/login`);
    await chooseLanguage(page, 'zh');
    await signIn(page, 'student1@buas.exchange.test');

    await page.goto(`${baseUrl}/events`);
    expect(await page.textContent('h1')).toBe(zh.events_title);
    await Promise.all([page.waitForURL(`${baseUrl}${eventPath}`), page.click(`a[href="${eventPath}"]`)]);
    await page.waitForLoadState('networkidle');
    expect(await page.getAttribute('html', 'lang')).toBe('zh');
    expect((await page.textContent('[data-testid="event-title"]'))?.trim()).toBe(title);

    const startsAt = (await page.getAttribute('[data-testid="event-when"] time', 'datetime'))!;
    expect(hhmm(startsAt, 'Europe/Moscow')).toBe('14:00');
    const venue = (await page.textContent('[data-testid="time-venue"]'))!;
    const other = (await page.textContent('[data-testid="time-other"]'))!;
    expect(venue).toContain('14:00');
    expect(venue).toContain('莫斯科时间');
    expect(other).toContain(hhmm(startsAt, 'Asia/Shanghai'));
    expect(other).toContain('19:00');
    expect(other).toContain('北京时间');

    await submit(page, '[data-testid="register"]');
    expect(await page.textContent('[data-testid="registration-status"]')).toContain(zh.registration_status_confirmed);
    expect(await page.locator('[data-testid="check-in-qr"] svg').count()).toBe(1);
    checkInUrl = (await page.getAttribute('figure.qr', 'data-check-in-url'))!;
    expect(checkInUrl).toMatch(/\/office\/events\/[0-9a-f-]{36}\/check-in\?code=[A-Za-z0-9_-]{40,}$/);

    // The page fits a 360-pixel screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(student.problems).toEqual([]);
  });

  it('the PSU coordinator refuses a forged code and checks the student in with the real one', async () => {
    const page = await firstPage(coordinator);
    const forged = new URL(checkInUrl);
    forged.searchParams.set('code', `${forged.searchParams.get('code')!.slice(0, -4)}AAAA`);
    await page.goto(forged.toString().replace(new URL(checkInUrl).origin, baseUrl));
    await submit(page, '[data-testid="confirm-check-in"]');
    expect(await page.textContent('[data-testid="check-in-problem"]')).toContain(ru.event_error_invalid_code);

    await page.goto(checkInUrl.replace(new URL(checkInUrl).origin, baseUrl));
    expect(await page.textContent('h1')).toBe(ru.office_check_in_title);
    await submit(page, '[data-testid="confirm-check-in"]');
    expect(await page.textContent('[data-testid="check-in-done"]')).toContain('张伟');

    await page.goto(`${baseUrl}/office${eventPath}/registrations?q=${encodeURIComponent('张')}`);
    expect(await page.textContent('[data-testid="count-checked-in"]')).toBe('1');
    expect(await page.locator('[data-testid="registrant"]').count()).toBe(1);
    expect(coordinator.problems).toEqual([]);
  });

  it('the student sees the check-in and no longer a QR code', async () => {
    const page = await firstPage(student);
    await page.reload();
    expect(await page.textContent('[data-testid="registration-status"]')).toContain(zh.event_checked_in);
    expect(await page.locator('[data-testid="check-in-qr"]').count()).toBe(0);

    // Their personal calendar feed lists the event.
    await page.goto(`${baseUrl}/events/mine`);
    expect(await page.textContent('main')).toContain(title);
    await submit(page, '[data-testid="show-feed"]');
    const feedUrl = new URL(await page.inputValue('#feed-url'));
    const feed = await page.request.get(`${baseUrl}${feedUrl.pathname}`);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    expect(await feed.text()).toContain(`UID:${eventPath.split('/').pop()}@`);
  });

  it('the events pages have no serious accessibility violations', async () => {
    const page = await firstPage(coordinator);
    for (const path of [
      '/events',
      '/events?view=month',
      eventPath,
      `/office${eventPath}`,
      `/office${eventPath}/registrations`,
      '/office/events',
      '/office/events/attendance',
    ]) {
      await page.goto(`${baseUrl}${path}`);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    expect(coordinator.problems).toEqual([]);
  });
});

describe('registering without JavaScript', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch({ javaScriptEnabled: false });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('registers and cancels in one click each', async () => {
    const page = await firstPage(browser);
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'student3@psu.exchange.test');
    await page.goto(`${baseUrl}/events`);
    const href = (await page.getAttribute('[data-testid="event-list"] h2 a', 'href'))!;
    await page.goto(`${baseUrl}${href}`);
    if ((await page.locator('[data-testid="cancel-registration"]').count()) > 0) {
      await Promise.all([page.waitForLoadState('load'), page.click('[data-testid="cancel-registration"]')]);
    }
    await Promise.all([page.waitForLoadState('load'), page.click('[data-testid="register"]')]);
    const shown = (await page.textContent('[data-testid="registration-status"]'))!;
    const expected = Object.values(catalogs).flatMap((catalog) => [catalog.registration_status_confirmed!, catalog.registration_status_waitlisted!]);
    expect(expected.some((text) => shown.includes(text))).toBe(true);
    await Promise.all([page.waitForLoadState('load'), page.click('[data-testid="cancel-registration"]')]);
    expect(await page.locator('[data-testid="register"]').count()).toBe(1);
  });
});

describe('cultural centres', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the admin opens a centre at an institution', async () => {
    const page = await firstPage(browser);
    await page.goto(`${baseUrl}/login`);
    await chooseLanguage(page, 'en');
    await signIn(page, 'admin@exchange.test');
    await page.goto(`${baseUrl}/centres`);
    expect(await page.textContent('h1')).toBe(catalogs.en.centres_title);
    const name = `Chinese opera club ${Date.now().toString(36)}`;
    await page.selectOption('#institutionId', { label: 'Baoji Railway Institute' });
    await page.fill('#nameEn', name);
    await submit(page, '[data-testid="create-centre"]');
    expect(await page.textContent('main')).toContain(name);
    expect(await page.locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
    expect(browser.problems).toEqual([]);
  });
});
