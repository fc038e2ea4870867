/**
 * The main flows with the keyboard alone: Tab, Shift+Tab, Enter, Space, arrows and typing, never
 * a mouse click. Every control reached on the way shows where the focus is (an outline or a
 * shadow while it matches :focus-visible). Addresses are typed only to start a flow.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, catalogs, demoPassword, firstPage, launch, type Browser } from './browser';

const en = catalogs.en;
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));

type Focus = { matches: boolean; outline: boolean; shadow: boolean; describe: string };

/** Where the focus is, and whether it can be seen there. */
function focusState(page: Page, selector: string, text?: string): Promise<Focus> {
  return page.evaluate(
    ([selector, text]) => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return { matches: false, outline: false, shadow: false, describe: 'body' };
      const style = getComputedStyle(element);
      return {
        matches: element.matches(selector!) && (!text || (element.textContent ?? '').includes(text)),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        shadow: style.boxShadow !== 'none',
        describe: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} ${(element.textContent ?? '').trim().slice(0, 40)}`,
      };
    },
    [selector, text] as const,
  );
}

/**
 * Presses Tab (or Shift+Tab) until the focus reaches `selector` (holding `text`, when given),
 * checking that every control the focus passes shows it.
 */
async function tabTo(page: Page, selector: string, options: { back?: boolean; max?: number; text?: string } = {}) {
  const passed: string[] = [];
  for (let step = 0; step < (options.max ?? 150); step++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const focus = await focusState(page, selector, options.text);
    if (focus.describe !== 'body' && !(focus.outline || focus.shadow)) {
      throw new Error(`The focus cannot be seen on ${focus.describe}`);
    }
    if (focus.matches) return;
    passed.push(focus.describe);
  }
  throw new Error(`${options.back ? 'Shift+Tab' : 'Tab'} did not reach ${selector}; passed ${passed.slice(-12).join(' | ')}`);
}

async function keyboardSignIn(page: Page, email: string) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  // English, chosen with the language switcher; it stays after signing in.
  await tabTo(page, '[data-testid="language-en"]');
  await Promise.all([page.waitForResponse((response) => new URL(response.url()).pathname === '/language'), page.keyboard.press('Enter')]);
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForLoadState('load');
  await tabTo(page, 'input[name="email"]');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  expect((await focusState(page, 'input[name="password"]')).matches).toBe(true);
  await page.keyboard.type(demoPassword);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/login', { timeout: 30_000 }), page.keyboard.press('Enter')]);
  await page.waitForLoadState('load');
  await page.waitForSelector('[data-testid="user-name"]');
}

/** Follows a link or presses a button with Enter and waits for the address to change. */
async function enterTo(page: Page, url: RegExp | string) {
  await Promise.all([page.waitForURL(url, { timeout: 30_000 }), page.keyboard.press('Enter')]);
  await page.waitForLoadState('load');
}

describe('keyboard only', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in, and the skip link leads to the content', async () => {
    const page = await firstPage(browser);
    await page.goto(`${baseUrl}/login`);
    await tabTo(page, 'a.skip-link');
    expect(await page.isVisible('a.skip-link')).toBe(true);
    await page.keyboard.press('Enter');
    // The next Tab starts in the content, at the form, not in the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    await keyboardSignIn(page, 'student2@psu.exchange.test');
    expect(await page.textContent('[data-testid="user-name"]')).toBe('Дмитрий Иванов');
    expect(browser.problems).toEqual([]);
  });

  it('a student opens a call and saves a draft application', async () => {
    const page = await firstPage(browser);
    await keyboardSignIn(page, 'student1@buas.exchange.test');
    await page.goto(`${baseUrl}/calls`);
    const call = await page.getAttribute('[data-testid="call"] h2 a', 'href');
    await tabTo(page, `[data-testid="call"] h2 a[href="${call}"]`);
    await enterTo(page, `${baseUrl}${call}`);
    await tabTo(page, 'form[action="?/apply"] button');
    await enterTo(page, /\/applications\/[0-9a-f-]{36}$/);
    await page.waitForSelector('[data-testid="save-application"]');

    // The call offers one line: the draft starts with it chosen, nothing is left to pick.
    expect(await page.locator('[data-testid="preferences"] li').count()).toBe(1);
    expect(await page.locator('#addQuota').count()).toBe(0);

    await tabTo(page, '#fullNameLatin');
    await page.keyboard.type('Zhang Wei');
    await tabTo(page, '#gpa');
    await page.keyboard.type('4.7');
    await tabTo(page, '#motivation');
    await page.keyboard.type('我想在奔萨学习俄语和俄罗斯文学。');
    // Shift+Tab back to a field passed over, then on to the save button.
    await tabTo(page, '#fieldOfStudy', { back: true });
    await page.keyboard.type('0231');
    await tabTo(page, '[data-testid="save-application"]');
    await page.keyboard.press('Space');
    await page.waitForSelector(`.notice.success >> text=${en.application_saved}`);
    // The focus stays on the button that saved.
    await expect.poll(async () => (await focusState(page, '[data-testid="save-application"]')).matches).toBe(true);
    await page.reload();
    expect(await page.inputValue('#motivation')).toBe('我想在奔萨学习俄语和俄罗斯文学。');
    expect(await page.inputValue('#fieldOfStudy')).toBe('0231');
    expect(await page.locator('[data-testid="preferences"] li').count()).toBe(1);
    expect(browser.problems).toEqual([]);
  });

  it('a coordinator scores an application', async () => {
    const page = await firstPage(browser);
    await keyboardSignIn(page, 'coordinator@psu.exchange.test');
    await page.goto(`${baseUrl}/calls`);
    const calls = await page.$$eval('main a[href]', (links) => [
      ...new Set(links.map((link) => link.getAttribute('href') ?? '').filter((href) => /^\/calls\/[0-9a-f-]{36}$/.test(href))),
    ]);
    let found = false;
    for (const call of calls) {
      await page.goto(`${baseUrl}${call}/applications?status=submitted`);
      if ((await page.locator('[data-testid="applications"] a:has-text("Мария Смирнова")').count()) > 0) {
        found = true;
        break;
      }
    }
    expect(found).toBe(true);
    await tabTo(page, '[data-testid="applications"] a', { text: 'Мария Смирнова' });
    await enterTo(page, /\/applications\/[0-9a-f-]{36}$/);
    await tabTo(page, '#score');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('90');
    await tabTo(page, 'input[name="eligible"]');
    await page.keyboard.press('Space');
    expect(await page.isChecked('input[name="eligible"][value="yes"]')).toBe(true);
    await tabTo(page, '#comment');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Strong motivation, HSK 4; checked with the keyboard.');
    await tabTo(page, '[data-testid="save-review"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="reviewed-notice"]');
    await expect.poll(async () => (await focusState(page, '[data-testid="save-review"]')).matches).toBe(true);
    await page.reload();
    expect(await page.inputValue('#score')).toBe('90');
    expect(browser.problems).toEqual([]);
  });

  it('the home office offers a free seat and the partner approves the nominee', async () => {
    const page = await firstPage(browser);
    await keyboardSignIn(page, 'coordinator@psu.exchange.test');
    await page.goto(`${baseUrl}/calls`);
    const calls = await page.$$eval('main a[href]', (links) => [
      ...new Set(links.map((link) => link.getAttribute('href') ?? '').filter((href) => /^\/calls\/[0-9a-f-]{36}$/.test(href))),
    ]);
    let offered = false;
    for (const call of calls) {
      await page.goto(`${baseUrl}${call}/allocation`);
      if ((await page.locator('form[action="?/nominate"] button:has-text("Екатерина Соколова")').count()) === 0) continue;
      await tabTo(page, 'form[action="?/nominate"] button', { text: 'Екатерина Соколова' });
      await page.keyboard.press('Enter');
      await page.waitForSelector('.notice.success');
      offered = true;
      break;
    }
    expect(offered).toBe(true);

    await keyboardSignIn(page, 'coordinator@buas.exchange.test');
    await page.goto(`${baseUrl}/nominations?direction=incoming`);
    const row = 'tr[data-name="Екатерина Соколова"]';
    await tabTo(page, `${row} [data-testid="approve-open"]`);
    await page.keyboard.press('Enter');
    await tabTo(page, `${row} [data-testid="approve"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-testid="decision-done"] >> text=${fill(en.nomination_approved_notice!, { name: 'Екатерина Соколова' })}`);
    expect(await page.textContent(row)).toContain(en.nom_status_approved);
    expect(browser.problems).toEqual([]);
  });

  it('a student registers for an event', async () => {
    const page = await firstPage(browser);
    await keyboardSignIn(page, 'student3@psu.exchange.test');
    await page.goto(`${baseUrl}/events`);
    const events = await page.$$eval('main a[href]', (links) => [
      ...new Set(links.map((link) => link.getAttribute('href') ?? '').filter((href) => /^\/events\/[0-9a-f-]{36}$/.test(href))),
    ]);
    let open: string | undefined;
    for (const event of events) {
      await page.goto(`${baseUrl}${event}`);
      if ((await page.locator('[data-testid="register"]').count()) > 0) {
        open = event;
        break;
      }
    }
    expect(open).toBeTruthy();
    await page.goto(`${baseUrl}/events`);
    await tabTo(page, `main a[href="${open}"]`);
    await enterTo(page, `${baseUrl}${open}`);
    await tabTo(page, '[data-testid="register"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="cancel-registration"]');
    // The focus is not lost: the next Tab goes on from the registration, not from the top of the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    expect(browser.problems).toEqual([]);
  });
});
