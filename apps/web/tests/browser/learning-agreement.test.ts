/**
 * The learning agreement in a browser: a PSU student going to BUAS writes it in Chinese (a row
 * added, a missing language named beside its field, the typed rows kept), confirms and proposes
 * it; the PSU coordinator, in Russian, meets a stale proposal, reloads and signs; the BUAS
 * coordinator signs in Chinese; the student downloads the signed PDF and sees the version in
 * force ready to be changed. axe finds nothing serious on the page. The student and the mobility
 * are made through the API for this test alone, so the demo data other tests use stays as it is.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
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

type Institution = { id: string; code: string; name: Record<'ru' | 'zh' | 'en', string> };
type Quota = { id: string; sendingInstitutionId: string; receivingInstitutionId: string; academicYear: string; mobilityType: string; remaining: number };

describe('the learning agreement in the browser', () => {
  let browser: Browser;
  const email = `agreement-${randomBytes(4).toString('hex')}@psu.exchange.test`;
  const password = 'Penza-Baoji-Agreement-2026';
  let mobilityId = '';
  let psu: Institution;
  let buas: Institution;
  const pageUrl = () => `${baseUrl}/mobilities/${mobilityId}/learning-agreement`;

  beforeAll(async () => {
    browser = await launch();
    // A PSU student of its own, nominated to BUAS on a call of its own and approved by BUAS: a mobility being prepared.
    const institutions = (await send<{ items: Institution[] }>('GET', '/institutions', null)).items;
    psu = institutions.find((item) => item.code === 'PSU')!;
    buas = institutions.find((item) => item.code === 'BUAS')!;
    const admin = await tokenOf('admin@exchange.test');
    const agreements = (await send<{ items: { id: string }[] }>('GET', '/agreements', admin)).items;
    const quotas = (
      await Promise.all(
        agreements.map(async (agreement) => (await send<{ items: Quota[] }>('GET', `/agreements/${agreement.id}/quotas?academicYear=2026/2027`, admin)).items),
      )
    ).flat();
    const line = quotas.find((quota) => quota.sendingInstitutionId === psu.id && quota.receivingInstitutionId === buas.id && quota.remaining > 0)!;
    expect(line).toBeDefined();
    const call = await send<{ id: string }>('POST', '/calls', admin, {
      institutionId: psu.id,
      title: { ru: 'Семестр в БУАН: соглашение об обучении', zh: '宝鸡文理学院交换学期（学习协议）', en: 'Semester at BUAS: learning agreement' },
      academicYear: line.academicYear,
      mobilityType: line.mobilityType,
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      quotaIds: [line.id],
      status: 'published',
    });
    await send('POST', '/users', admin, { email, fullName: 'Ольга Морозова', role: 'student', institutionId: psu.id, locale: 'ru', password });
    const student = await tokenOf(email, password);
    const application = await send<{ id: string }>('POST', '/applications', student, { callId: call.id });
    await send('PATCH', `/applications/${application.id}`, student, {
      preferences: [{ quotaId: line.id, rank: 1 }],
      motivation: 'Хочу изучать китайский язык в Баоцзи.',
      gpa: 4.8,
      fullNameLatin: 'Olga Morozova',
      passportNumber: '56 12 765432',
      passportExpiresOn: '2032-05-01',
      birthDate: '2004-03-08',
      citizenship: 'RU',
      sex: 2,
      studyLevel: 6,
      fieldOfStudy: '0231',
      languageCertificates: [{ language: 'zh', test: 'HSK', level: '4', date: '2025-06-01' }],
    });
    await send('POST', `/applications/${application.id}/submit`, student);
    const coordinator = await tokenOf('coordinator@psu.exchange.test');
    await send('POST', `/applications/${application.id}/review`, coordinator, { score: 92, eligible: true, comment: '' });
    const nomination = await send<{ id: string; proposalId: string }>('POST', '/nominations', coordinator, { applicationId: application.id, quotaId: line.id });
    await send('POST', `/nominations/${nomination.id}/approve`, await tokenOf('coordinator@buas.exchange.test'), { proposalId: nomination.proposalId });
    mobilityId = (await send<{ items: { id: string }[] }>('GET', '/mobilities', student)).items[0]!.id;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the student writes the learning agreement in Chinese and proposes it', async () => {
    const page = await firstPage(browser);
    await signInAs(page, email, 'zh', password);
    await page.goto(`${baseUrl}/mobilities/${mobilityId}`);
    expect(await page.textContent('[data-testid="la-summary-status"]')).toBe(zh.learning_status_none);
    await Promise.all([page.waitForURL(pageUrl()), page.click('[data-testid="la-open"]')]);
    expect(await page.textContent('h1')).toBe(zh.learning_title);
    expect(await page.textContent('[data-testid="la-empty"]')).toContain(zh.learning_empty_student);
    expect(await seriousViolations(page)).toEqual([]);

    await page.fill('#studied-0-code', 'CHN101');
    await page.fill('#studied-0-title', '汉语综合（初级）');
    await page.fill('#studied-0-credits', '4');
    await page.fill('#studied-0-term', '2026年秋季学期');
    // A second row: the new row's first field takes the focus.
    await page.click('[data-testid="la-add-studied"]');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('studied-1-code');
    await page.keyboard.type('CUL110');
    await page.fill('#studied-1-title', '中国文化概论');
    await page.fill('#studied-1-credits', '2,5');
    await page.fill('#studied-1-term', '2026年秋季学期');
    await page.fill('#recognised-0-code', 'Б1.В.07');
    await page.fill('#recognised-0-title', 'Китайский язык');
    await page.fill('#recognised-0-credits', '5');
    await page.fill('#la-hostCatalogueUrl', 'https://www.bjwlxy.edu.cn/courses');

    // Without the language of instruction the proposal is refused beside the field, in Chinese, and the rows stay as typed.
    await page.click('[data-testid="la-propose"]');
    await page.waitForSelector(`#la-language-error >> text=${zh.field_learning_language_required}`);
    expect(await page.inputValue('#studied-1-code')).toBe('CUL110');
    expect(await page.inputValue('#studied-1-credits')).toBe('2,5');
    expect(await page.locator('[data-testid="la-confirm"]').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.selectOption('#la-language', 'zh');
    await page.selectOption('#la-level', 'HSK:4');
    await page.click('[data-testid="la-propose"]');
    // The draft is saved, and the student is asked before signing.
    await page.waitForFunction(() => document.querySelector('[data-testid="la-confirm"]')?.matches(':modal'));
    expect(await page.textContent('#la-confirm-title')).toBe(zh.learning_confirm_title);
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('[data-testid="la-propose-confirm"]');
    await page.waitForSelector(`[data-testid="la-done"] >> text=${zh.learning_proposed_notice}`);
    expect(await page.textContent('[data-testid="la-status"]')).toBe(zh.learning_status_proposed);
    expect(await page.textContent('[data-testid="la-awaiting"]')).toBe(fill(zh.learning_awaiting!, { party: psu.name.zh }));
    expect(await page.textContent('[data-testid="la-pending"] [data-testid="la-studied-total"]')).toBe('6.5');
    expect(await page.locator('[data-testid="la-editor"]').count()).toBe(0);
    expect(await page.textContent('[data-testid="la-version"][data-number="1"]')).toContain('CUL110');
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('the PSU coordinator meets a stale proposal, reloads and signs in Russian', async () => {
    const page = await firstPage(browser);
    await signInAs(page, 'coordinator@psu.exchange.test', 'ru');
    await page.goto(`${baseUrl}/mobilities/${mobilityId}`);
    expect(await page.textContent('[data-testid="la-summary-status"]')).toBe(ru.learning_status_proposed);
    await Promise.all([page.waitForURL(pageUrl()), page.click('[data-testid="la-open"]')]);
    expect(await page.textContent('[data-testid="la-pending"] [data-testid="la-studied"]')).toContain('汉语综合（初级）');
    expect(await page.textContent('[data-testid="la-pending"] [data-testid="la-language"]')).toContain('HSK');
    expect(await seriousViolations(page)).toEqual([]);

    // A proposal other than the current one (as if the student had changed it meanwhile) is refused with a way to reload.
    await page.evaluate((stale) => {
      document.querySelector<HTMLInputElement>('form[action="?/approve"] input[name="proposalId"]')!.value = stale;
    }, randomUUID());
    await page.click('[data-testid="la-sign"]');
    await page.waitForSelector(`[data-testid="la-problem"] >> text=${ru.error_learning_stale_proposal}`);
    await Promise.all([page.waitForEvent('framenavigated'), page.click('[data-testid="la-reload"]')]);
    await page.waitForLoadState('load');
    expect(await page.locator('[data-testid="la-problem"]').count()).toBe(0);

    await page.click('[data-testid="la-sign"]');
    await page.waitForSelector(`[data-testid="la-done"] >> text=${ru.learning_signed_notice}`);
    expect(await page.textContent('[data-testid="la-awaiting"]')).toBe(fill(ru.learning_awaiting!, { party: buas.name.ru }));
    expect(await page.locator('[data-testid="la-office"]').count()).toBe(0);
    expect(await page.textContent('[data-testid="la-pending"] tr[data-side="sending"]')).not.toContain(ru.learning_not_signed);
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('the BUAS coordinator signs in Chinese, and the agreement is in force', async () => {
    const page = await firstPage(browser);
    await signInAs(page, 'coordinator@buas.exchange.test', 'zh');
    await page.goto(pageUrl());
    expect(await page.textContent('[data-testid="la-awaiting"]')).toBe(fill(zh.learning_awaiting!, { party: buas.name.zh }));
    await page.click('[data-testid="la-sign"]');
    await page.waitForSelector(`[data-testid="la-done"] >> text=${zh.learning_signed_notice}`);
    expect(await page.textContent('[data-testid="la-status"]')).toBe(zh.learning_status_signed);
    const signatures = page.locator('[data-testid="la-in-force"] [data-testid="la-signatures"]');
    expect(await signatures.textContent()).not.toContain(zh.learning_not_signed);
    expect(await page.textContent('[data-testid="la-version"][data-number="1"]')).toContain(zh.learning_version_signed);
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('the student downloads the signed PDF and may propose a change', async () => {
    const page = await firstPage(browser);
    await signInAs(page, email, 'zh', password);
    await page.goto(pageUrl());
    expect(await page.textContent('[data-testid="la-in-force"] [data-testid="la-recognised-total"]')).toBe('5');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="la-pdf-zh"]')]);
    expect(download.suggestedFilename()).toBe('learning-agreement-v1-zh.pdf');
    expect((await readFile((await download.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const russian = await page.request.get(`${baseUrl}${await page.getAttribute('[data-testid="la-pdf-ru"]', 'href')}`);
    expect(russian.status()).toBe(200);
    expect(russian.headers()['content-type']).toBe('application/pdf');
    expect((await russian.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The version in force is changed by a proposal that keeps its components unless marked removed.
    expect(await page.textContent('#la-edit-title')).toBe(zh.learning_edit_changes);
    expect(await page.locator('[data-testid="la-row-studied"][data-code="CUL110"] input[type="checkbox"]').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
