/**
 * The mobility in a browser: the host office (BUAS, in Chinese) admits a PSU student whose
 * nomination it approved, the student (in Russian) reads "My mobility" with the checklist and
 * the letter, the host confirms the arrival from its list, and the home office (PSU, in
 * Russian) sees the student abroad. axe finds nothing serious on the new pages. The nominee is
 * made through the API for this test alone, so the demo data other tests use stays as it is.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, catalogs, chooseLanguage, demoPassword, firstPage, launch, seriousViolations, signIn, type Browser } from './browser';

const ru = catalogs.ru;
const zh = catalogs.zh;
const api = (process.env.API_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));

async function signInAs(page: Page, email: string, locale: 'ru' | 'zh', password = demoPassword) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await chooseLanguage(page, locale);
  await signIn(page, email, password);
}

/** A call straight to the API; fails the test on an error answer. */
async function send<T = Record<string, unknown>>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${api}/api/v1${path}`, {
    method,
    headers: { ...(token && { authorization: `Bearer ${token}` }), ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}
const tokenOf = async (email: string, password = demoPassword) => (await send<{ token: string }>('POST', '/auth/login', null, { email, password })).token;

type Quota = { id: string; sendingInstitutionId: string; receivingInstitutionId: string; academicYear: string; mobilityType: string; remaining: number };

describe('the mobility in the browser', () => {
  let browser: Browser;
  const name = 'Ирина Волкова';
  const email = `mobility-${randomBytes(4).toString('hex')}@psu.exchange.test`;
  const password = 'Penza-Baoji-Mobility-2026';
  const row = `tr[data-name="${name}"]`;
  let mobilityId = '';
  // The stay: from tomorrow to the end of the agreement's validity (planned dates must lie within it).
  let plannedStart = '';
  let plannedEnd = '';
  const dayBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    browser = await launch();
    // A nominee of its own: a PSU call with one line to BUAS, a new student who applies, a review, a nomination the partner approves.
    const institutions = (await send<{ items: { id: string; code: string }[] }>('GET', '/institutions', null)).items;
    const codeOf = (code: string) => institutions.find((item) => item.code === code)!.id;
    const admin = await tokenOf('admin@exchange.test');
    const psu = await tokenOf('coordinator@psu.exchange.test');
    const buas = await tokenOf('coordinator@buas.exchange.test');
    const agreements = (await send<{ items: { id: string; validTo: string }[] }>('GET', '/agreements', admin)).items;
    const quotas = (
      await Promise.all(
        agreements.map(async (agreement) =>
          (await send<{ items: Quota[] }>('GET', `/agreements/${agreement.id}/quotas?academicYear=2026/2027`, admin)).items.map((quota) => ({
            ...quota,
            validTo: agreement.validTo,
          })),
        ),
      )
    ).flat();
    const line = quotas.find(
      (quota) =>
        quota.sendingInstitutionId === codeOf('PSU') &&
        quota.receivingInstitutionId === codeOf('BUAS') &&
        quota.mobilityType === 'semester' &&
        quota.remaining > 0,
    )!;
    expect(line).toBeDefined();
    plannedStart = dayBefore(new Date().toISOString().slice(0, 10), -1);
    plannedEnd = line.validTo;
    // Near or past the demo agreement's end, the administrator extends it, so the test does not depend on today's date.
    if (plannedEnd < dayBefore(plannedStart, -30)) {
      plannedEnd = dayBefore(plannedStart, -120);
      const agreementId = agreements.find((agreement) => agreement.validTo === line.validTo)!.id;
      await send('PATCH', `/agreements/${agreementId}`, admin, { validTo: plannedEnd });
    }
    expect(plannedEnd > plannedStart).toBe(true);
    const call = await send<{ id: string }>('POST', '/calls', admin, {
      institutionId: codeOf('PSU'),
      title: { ru: 'Семестр в БИИН', zh: '宝鸡文理学院交换学期', en: 'Semester at BUAS' },
      academicYear: line.academicYear,
      mobilityType: line.mobilityType,
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      quotaIds: [line.id],
      status: 'published',
    });
    await send('POST', '/users', admin, { email, fullName: name, role: 'student', institutionId: codeOf('PSU'), locale: 'ru', password });
    const student = await tokenOf(email, password);
    const application = await send<{ id: string }>('POST', '/applications', student, { callId: call.id });
    await send('PATCH', `/applications/${application.id}`, student, {
      preferences: [{ quotaId: line.id, rank: 1 }],
      motivation: 'Изучаю китайский язык и культуру.',
      gpa: 4.7,
      fullNameLatin: 'Irina Volkova',
      passportNumber: '56 12 345678',
      passportExpiresOn: '2032-05-01',
      birthDate: '2004-04-12',
      citizenship: 'RU',
      sex: 2,
      studyLevel: 6,
      fieldOfStudy: '0231',
      languageCertificates: [{ language: 'zh', test: 'HSK', level: '4', date: '2025-06-01' }],
    });
    await send('POST', `/applications/${application.id}/submit`, student);
    await send('POST', `/applications/${application.id}/review`, psu, { score: 90, eligible: true, comment: '' });
    const nomination = await send<{ id: string; proposalId: string }>('POST', '/nominations', psu, { applicationId: application.id, quotaId: line.id });
    await send('POST', `/nominations/${nomination.id}/approve`, buas, { proposalId: nomination.proposalId });
    const incoming = await send<{ items: { id: string; nominationId: string }[] }>('GET', '/mobilities?direction=incoming&limit=100', buas);
    mobilityId = incoming.items.find((item) => item.nominationId === nomination.id)!.id;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the BUAS coordinator admits the student in Chinese', async () => {
    const page = await firstPage(browser);
    await signInAs(page, 'coordinator@buas.exchange.test', 'zh');
    await Promise.all([page.waitForURL(`${baseUrl}/mobilities`), page.click('nav a[href="/mobilities"]')]);
    expect(await page.textContent('h1')).toBe(zh.mobilities_title);
    expect(await page.textContent(`${row} [data-testid="mobility-stage"]`)).toContain(zh.mobility_stage_awaiting_admission);
    expect(await page.textContent(`${row} .muted`)).toBe('Irina Volkova');
    expect(await seriousViolations(page)).toEqual([]);

    await Promise.all([page.waitForURL(`${baseUrl}/mobilities/${mobilityId}`), page.click(`${row} a`)]);
    // The host sees the border data once the mobility exists.
    expect(await page.textContent('[data-testid="border-identity"]')).toContain('56 12 345678');
    // A planned end before the start is named beside the field, in Chinese, and what was typed stays.
    await page.fill('#plannedStart', plannedStart);
    await page.fill('#plannedEnd', dayBefore(plannedStart, 1));
    await page.fill('#programme', '汉语言进修');
    await page.click('[data-testid="admit"]');
    await page.waitForSelector(`#plannedEnd-error >> text=${zh.mobility_end_before_start}`);
    expect(await page.inputValue('#programme')).toBe('汉语言进修');
    expect(await seriousViolations(page)).toEqual([]);

    await page.fill('#plannedEnd', plannedEnd);
    await page.fill('#requestedDocuments', '健康证明');
    await page.click('[data-testid="admit"]');
    await page.waitForSelector('[data-testid="mobility-done"], [data-testid="mobility-problem"]');
    expect(await page.textContent('[aria-live="polite"]')).toContain(zh.mobility_admitted_notice);
    expect(await page.textContent('[data-testid="mobility-stage"]')).toBe(zh.mobility_stage_visa);
    expect(await page.locator('[data-testid="letter-link"]').getAttribute('href')).toMatch(new RegExp(`^/mobilities/${mobilityId}/letters/[0-9a-f-]{36}$`));
    expect(await page.locator('[data-testid="checklist-item"][data-key="visa"]').textContent()).toContain(zh.mobility_owner_student);
    // The student's steps are the student's: the host has no button on them.
    expect(await page.locator('[data-testid="checklist-item"][data-key="visa"] [data-testid="step-upload"]').count()).toBe(0);
    expect(await page.locator('[data-testid="arrive-form"]').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('the student reads My mobility in Russian: the checklist, what is next and the letter', async () => {
    const page = await firstPage(browser);
    await signInAs(page, email, 'ru', password);
    expect(await page.textContent('[data-testid="dash-mobility"]')).toContain(ru.mobility_stage_visa);
    // One mobility: the header's link leads straight to it.
    await Promise.all([page.waitForURL(`${baseUrl}/mobilities/${mobilityId}`), page.click('nav a[href="/mobilities"]')]);
    expect(await page.textContent('h1')).toBe(ru.mobilities_my_title);
    const longDate = (date: string) => new Intl.DateTimeFormat('ru-RU', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
    expect(await page.textContent('[data-testid="mobility-planned"]')).toContain(longDate(plannedEnd));
    const visa = page.locator('[data-testid="checklist-item"][data-key="visa"]');
    expect(await visa.locator('[data-testid="step-upload"]').textContent()).toBe(ru.mobility_step_upload);
    expect(await page.locator('[data-testid="checklist-item"]', { hasText: '健康证明' }).count()).toBe(1);
    // The visa is due two weeks before the planned start, a local date of the host: already past, and flagged so in words.
    expect(await page.textContent('[data-testid="mobility-next"]')).toContain(fill(ru.mobilities_due_on!, { date: longDate(dayBefore(plannedStart, 14)) }));
    expect(await visa.textContent()).toContain(ru.mobility_step_overdue);
    expect(await page.textContent('[data-testid="letter-link"]')).toBe(fill(ru.mobility_letter_download!, { letter: ru.mobility_letter_admission! }));
    // The office's forms are not the student's.
    expect(await page.locator('[data-testid="office-actions"]').count()).toBe(0);

    // Waiving without a reason is refused beside the field, in Russian.
    const insurance = page.locator('[data-testid="checklist-item"][data-key="insurance"]');
    await insurance.locator('summary').click();
    await insurance.locator('details button').click();
    await page.waitForSelector(`[data-key="insurance"] .field-error >> text=${ru.mobility_waive_reason_required}`);
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('the BUAS coordinator confirms the arrival from the incoming list in Chinese', async () => {
    const page = await firstPage(browser);
    await signInAs(page, 'coordinator@buas.exchange.test', 'zh');
    await page.goto(`${baseUrl}/mobilities?direction=incoming`);
    await page.check(`${row} input[name="pick"]`);
    await page.click('[data-testid="bulk-arrival"]');
    await page.waitForSelector(`[data-testid="bulk-done"] >> text=${fill(zh.mobilities_bulk_done!, { count: 1 })}`);
    expect(await page.textContent(`${row} [data-testid="mobility-stage"]`)).toContain(zh.mobility_stage_arrived);
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('the PSU coordinator sees the outgoing student abroad, in Russian', async () => {
    const page = await firstPage(browser);
    await signInAs(page, 'coordinator@psu.exchange.test', 'ru');
    await Promise.all([page.waitForURL(`${baseUrl}/mobilities`), page.click('nav a[href="/mobilities"]')]);
    await Promise.all([page.waitForURL(/direction=outgoing/), page.click('[data-testid="tab-outgoing"]')]);
    await page.selectOption('#status', 'abroad');
    await Promise.all([page.waitForURL(/status=abroad/), page.click('form.filters button[type="submit"]')]);
    expect(await page.textContent(`${row} [data-testid="mobility-stage"]`)).toContain(ru.mobility_stage_arrived);
    expect(await page.textContent(row)).toContain('Irina Volkova');
    expect(await seriousViolations(page)).toEqual([]);

    await Promise.all([page.waitForURL(`${baseUrl}/mobilities/${mobilityId}`), page.click(`${row} a`)]);
    expect(await page.textContent('[data-testid="mobility-timeline"] [data-step="arrived"]')).not.toContain('—');
    // The home office records the funding; the cancel is gone once the student is abroad.
    expect(await page.locator('[data-testid="cancel-open"]').count()).toBe(0);
    await page.selectOption('#funding-source', 'russian_government');
    await page.fill('#funding-amount', '2000');
    await page.fill('#funding-currency', 'cny');
    await page.click('[data-testid="save-funding"]');
    await page.waitForSelector(`[data-testid="mobility-done"] >> text=${ru.mobility_funding_saved}`);
    expect(await page.textContent('main')).toContain(
      fill(ru.mobility_funding_line!, { source: ru.mobility_funding_russian_government!, amount: 2000, currency: 'CNY' }),
    );
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
