/**
 * The exchange in a browser: a student applies in Chinese, the home office reviews in Russian,
 * the partner decides on nominees in Chinese and the students read the outcomes in Russian.
 * Each test uses its own accounts and records of the demo data, so their order does not matter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, catalogs, chooseLanguage, firstPage, launch, signIn, signOut, type Browser } from './browser';

const zh = catalogs.zh;
const ru = catalogs.ru;
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));

// A small valid PDF: the API checks uploads by their content.
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function signInAs(page: Page, email: string, locale: 'ru' | 'zh') {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await chooseLanguage(page, locale);
  await signIn(page, email);
}

/** Clicks a button that submits an enhanced form and waits for the page to settle on the answer. */
async function press(page: Page, selector: string, then: string) {
  await page.click(selector);
  await page.waitForSelector(then, { timeout: 30_000 });
}

describe('the exchange in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a PSU student applies in Chinese: starts, fills in, uploads, submits', async () => {
    const page = await firstPage(browser);
    await signInAs(page, 'student4@psu.exchange.test', 'zh');
    await Promise.all([page.waitForURL(`${baseUrl}/calls`), page.click(`nav a[href="/calls"]`)]);
    expect(await page.textContent('h1')).toBe(zh.calls_title);
    const card = page.locator('[data-testid="call"]', { hasText: '2026/2027学年宝鸡春季学期' });
    expect(await card.locator('[data-testid="countdown"]').textContent()).toMatch(/天/);
    await Promise.all([page.waitForURL(/\/applications\/[0-9a-f-]{36}$/), card.locator('form button[type="submit"]').click()]);
    expect(await page.textContent('[data-testid="application-status"]')).toBe(zh.app_status_draft);

    // Submitting the empty draft names what is missing, in Chinese.
    await press(page, '[data-testid="submit-application"]', '[data-testid="missing-items"]');
    const missing = await page.textContent('[data-testid="missing-items"]');
    expect(missing).toContain(zh.missing_motivation);
    expect(missing).toContain(fill(zh.missing_document!, { document: zh.doc_transcript! }));
    // And what the partner and the border need, named by the editor's own labels.
    expect(missing).toContain(fill(zh.missing_field!, { field: zh.application_latin_name! }));
    expect(missing).toContain(fill(zh.missing_field!, { field: zh.application_passport! }));
    expect(await page.textContent('[data-testid="still-missing"]')).toContain(fill(zh.missing_field!, { field: zh.application_field! }));

    await page.fill('#fullNameLatin', 'Aleksei Kuznetsov');
    await page.fill('#passportNumber', '56 1234567');
    await page.selectOption('#studyLevel', '6');
    await page.fill('#fieldOfStudy', '0231');
    await page.fill('#gpa', '4.5');
    await page.fill('#motivation', '我希望在宝鸡学习汉语和中国文化。');
    await page.fill('#certTest-0', 'HSK');
    await page.fill('#certLevel-0', '4');
    await page.fill('#certDate-0', '2025-05-20');
    await press(page, '[data-testid="save-application"]', `.notice.success >> text=${zh.application_saved}`);

    // Two preferences, then the second moved to the top.
    await press(page, 'button[name="move"][value="add"]', '[data-testid="preferences"] li');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="preferences"] li').length === 1);
    await page.click('button[name="move"][value="add"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="preferences"] li').length === 2);
    const before = await page.locator('[data-testid="preferences"] li .label').allTextContents();
    await page.locator('[data-testid="preferences"] li').nth(1).locator('button[value^="up:"]').click();
    await page.waitForFunction((first) => document.querySelector('[data-testid="preferences"] li .label')?.textContent !== first, before[0]);
    const after = await page.locator('[data-testid="preferences"] li .label').allTextContents();
    expect(after).toEqual([before[1], before[0]]);
    expect(await page.inputValue('#motivation')).toBe('我希望在宝鸡学习汉语和中国文化。');
    expect(await page.locator('button[name="move"][value="add"]').count()).toBe(0);

    for (const type of ['motivation_letter', 'transcript', 'passport_copy']) {
      await page.setInputFiles(`#file-${type}`, { name: `${type}.pdf`, mimeType: 'application/pdf', buffer: pdf });
      await press(page, `[data-testid="document-${type}"] form.upload button[type="submit"]`, `[data-testid="document-${type}"] a[download]`);
    }

    await press(page, '[data-testid="submit-application"]', '[data-testid="submitted-notice"]');
    expect(await page.textContent('[data-testid="application-status"]')).toBe(zh.app_status_submitted);

    await page.goto(`${baseUrl}/applications`);
    const mine = page.locator('[data-testid="my-application"]', { hasText: '2026/2027学年宝鸡春季学期' });
    // The list says the status, since when (today, in Penza time) and what comes next; the history is on the application's page.
    expect(await mine.locator('.badge').first().textContent()).toContain(zh.app_status_submitted);
    expect(await mine.locator('[data-testid="status-since"] time').getAttribute('datetime')).toMatch(new RegExp(`^${new Date().toISOString().slice(0, 10)}`));
    expect(await mine.locator('[data-testid="next-step"]').textContent()).toBe(zh.dash_next_submitted);
    await signOut(page);
    expect(browser.problems).toEqual([]);
  });

  it('the PSU coordinator reviews an application in Russian', async () => {
    const page = await firstPage(browser);
    await signInAs(page, 'coordinator@psu.exchange.test', 'ru');
    await page.goto(`${baseUrl}/calls`);
    await page.click('a:has-text("Весенний семестр в Баоцзи 2026/2027")');
    await page.click(`a:has-text("${ru.call_review_link}")`);
    await page.waitForSelector('[data-testid="applications"]');
    expect(await page.textContent('h1')).toBe(ru.review_list_title);
    expect(await page.locator('[data-testid="count-submitted"]').count()).toBe(1);

    // Filters live in the address, so the list can be shared and reloaded.
    await page.selectOption('#status', 'submitted');
    await Promise.all([page.waitForURL(/status=submitted/), page.click('form.filters button[type="submit"]')]);
    await page.click('a:has-text("Дмитрий Иванов")');
    await page.waitForSelector('[data-testid="dossier-name"]');
    expect(await page.locator('.document a[download]').count()).toBeGreaterThan(0);

    await page.fill('#score', '101');
    await page.check('input[name="eligible"][value="yes"]');
    await press(page, '[data-testid="save-review"]', '#score-error');
    expect(await page.textContent('#score-error')).toContain(ru.review_score_invalid);

    await page.fill('#score', '85.5');
    await page.fill('#comment', 'Хорошая мотивация, HSK 4.');
    await press(page, '[data-testid="save-review"]', '[data-testid="reviewed-notice"]');
    expect(await page.textContent('[data-testid="reviewed-notice"]')).toBe(ru.review_saved);

    await page.goto(`${baseUrl}/calls`);
    await page.click('a:has-text("Весенний семестр в Баоцзи 2026/2027")');
    await page.click(`a:has-text("${ru.call_review_link}")`);
    await Promise.all([page.waitForURL(/sort=score/), page.click(`th a:has-text("${ru.review_score}")`)]);
    expect(await page.locator('[data-testid="applications"] tbody tr', { hasText: 'Дмитрий Иванов' }).textContent()).toContain('85.5');
    await signOut(page);
    expect(browser.problems).toEqual([]);
  });

  it('the BUAS coordinator decides on the nominees in Chinese; the students read the outcomes in Russian', async () => {
    const page = await firstPage(browser);
    await signInAs(page, 'coordinator@buas.exchange.test', 'zh');
    await Promise.all([page.waitForURL(`${baseUrl}/nominations`), page.click(`nav a[href="/nominations"]`)]);
    await page.waitForSelector('[data-testid="nominations"]');
    expect(await page.textContent('h1')).toBe(zh.nominations_title);

    const anna = page.locator('tr[data-name="Анна Петрова"]');
    // Approving asks once more.
    await page.click('tr[data-name="Анна Петрова"] [data-testid="approve-open"]');
    await press(page, 'tr[data-name="Анна Петрова"] [data-testid="approve"]', '[data-testid="decision-done"]');
    expect(await page.textContent('[data-testid="decision-done"]')).toMatch(new RegExp(`^${fill(zh.nomination_approved_notice!, { name: 'Анна Петрова' })}`));
    // The notice leads to the dossier, where the approval can be undone for a while.
    expect(await page.textContent('[data-testid="decision-done"] a')).toBe(zh.nomination_undo);
    expect(await anna.textContent()).toContain(zh.nom_status_approved);

    const aleksei = 'tr[data-name="Алексей Кузнецов"]';
    await page.click(`${aleksei} [data-testid="reject-open"]`);
    // A rejection needs a reason.
    await press(page, `${aleksei} [data-testid="reject"]`, `${aleksei} .field-error`);
    expect(await page.textContent(`${aleksei} .field-error`)).toContain(zh.nomination_reject_reason_required);
    await page.fill(`${aleksei} textarea[name="comment"]`, '本学期语言课程名额已满，请明年再申请。');
    await press(
      page,
      `${aleksei} [data-testid="reject"]`,
      `[data-testid="decision-done"] >> text=${fill(zh.nomination_rejected_notice!, { name: 'Алексей Кузнецов' })}`,
    );
    expect(await page.locator(aleksei).textContent()).toContain(zh.nom_status_rejected);
    await signOut(page);

    await signInAs(page, 'student1@psu.exchange.test', 'ru');
    expect(Number(await page.textContent('[data-testid="notifications-unread"]'))).toBeGreaterThan(0);
    await page.goto(`${baseUrl}/applications`);
    const annaCard = page.locator('[data-testid="my-application"]', { hasText: 'Курс китайского языка в БИИН 2025/2026' });
    expect(await annaCard.locator('.badge').first().textContent()).toContain(ru.app_status_accepted);
    expect(await annaCard.locator('[data-testid="next-step"]').textContent()).toBe(ru.dash_next_accepted);
    await signOut(page);

    await signInAs(page, 'student4@psu.exchange.test', 'ru');
    await page.goto(`${baseUrl}/applications`);
    const alekseiCard = page.locator('[data-testid="my-application"]', { hasText: 'Курс китайского языка в БИИН 2025/2026' });
    expect(await alekseiCard.locator('.badge').first().textContent()).toContain(ru.app_status_declined);
    // The partner's reason is on the list, without opening the application.
    expect(await alekseiCard.textContent()).toContain(fill(ru.my_applications_reason!, { reason: '本学期语言课程名额已满，请明年再申请。' }));
    await page.click('[data-testid="notifications-bell"]');
    await page.waitForSelector('[data-testid="notifications"]');
    expect(await page.textContent('[data-testid="notifications"]')).toContain('本学期语言课程名额已满，请明年再申请。');
    await signOut(page);
    expect(browser.problems).toEqual([]);
  });
});
