/**
 * The transcript and recognition in a browser: a PSU student at BUAS with a signed learning
 * agreement (two host courses, each for one home course) has arrived; the BUAS coordinator, in
 * Chinese, records the transcript on the page prefilled from the agreement (a grade off the scale
 * refused beside its row, the typed grades kept; rows added without JavaScript too): 86 passes,
 * 59 fails. The host records the departure; the PSU coordinator, in Russian, finds the proposed
 * 5 for the first course and the failed one not recognised, confirms, and the mobility is
 * recognised; the student reads the grades. axe finds nothing serious. The student and the
 * mobility are made through the API for this test alone, so the demo data stays as it is.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, catalogs, chooseLanguage, demoPassword, firstPage, launch, seriousViolations, signIn, type Browser } from './browser';

const ru = catalogs.ru;
const zh = catalogs.zh;
const api = (process.env.API_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');
const day = 86_400_000;
const dateOf = (time: number) => new Date(time).toISOString().slice(0, 10);

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

describe('the transcript and recognition in the browser', () => {
  let browser: Browser;
  const email = `recognition-${randomBytes(4).toString('hex')}@psu.exchange.test`;
  const password = 'Penza-Baoji-Recognition-2026';
  let mobilityId = '';
  let buasToken = '';
  // The stay began 40 days ago and ended yesterday (in UTC, so never after the host's today).
  const arrived = dateOf(Date.now() - 40 * day);
  const departed = dateOf(Date.now() - day);
  const pageUrl = () => `${baseUrl}/mobilities/${mobilityId}/recognition`;

  beforeAll(async () => {
    browser = await launch();
    const institutions = (await send<{ items: { id: string; code: string }[] }>('GET', '/institutions', null)).items;
    const idOf = (code: string) => institutions.find((item) => item.code === code)!.id;
    const admin = await tokenOf('admin@exchange.test');
    const psu = await tokenOf('coordinator@psu.exchange.test');
    buasToken = await tokenOf('coordinator@buas.exchange.test');
    const agreements = (await send<{ items: { id: string; validTo: string }[] }>('GET', '/agreements', admin)).items;
    const quotas = (
      await Promise.all(
        agreements.map(async (agreement) =>
          (await send<{ items: Quota[] }>('GET', `/agreements/${agreement.id}/quotas?academicYear=2026/2027`, admin)).items.map((quota) => ({
            ...quota,
            agreementId: agreement.id,
            validTo: agreement.validTo,
          })),
        ),
      )
    ).flat();
    // The PSU → BUAS line with the most seats left, so the other tests' lines keep theirs.
    const line = quotas
      .filter((quota) => quota.sendingInstitutionId === idOf('PSU') && quota.receivingInstitutionId === idOf('BUAS') && quota.remaining > 0)
      .sort((a, b) => b.remaining - a.remaining)[0]!;
    expect(line).toBeDefined();
    // The planned stay runs a little past today; past the demo agreement's end, the administrator extends it.
    const plannedEnd = dateOf(Date.now() + 20 * day);
    if (line.validTo < plannedEnd) await send('PATCH', `/agreements/${line.agreementId}`, admin, { validTo: dateOf(Date.now() + 60 * day) });
    const call = await send<{ id: string }>('POST', '/calls', admin, {
      institutionId: idOf('PSU'),
      title: { ru: 'Семестр в БИИН: перезачёт', zh: '宝鸡文理学院交换学期（学分认定）', en: 'Semester at BUAS: recognition' },
      academicYear: line.academicYear,
      mobilityType: line.mobilityType,
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * day).toISOString(),
      quotaIds: [line.id],
      status: 'published',
    });
    await send('POST', '/users', admin, { email, fullName: 'Полина Егорова', role: 'student', institutionId: idOf('PSU'), locale: 'ru', password });
    const student = await tokenOf(email, password);
    const application = await send<{ id: string }>('POST', '/applications', student, { callId: call.id });
    await send('PATCH', `/applications/${application.id}`, student, {
      preferences: [{ quotaId: line.id, rank: 1 }],
      motivation: 'Хочу изучать китайский язык и историю Китая.',
      gpa: 4.6,
      fullNameLatin: 'Polina Egorova',
      passportNumber: '56 12 987654',
      passportExpiresOn: '2032-05-01',
      birthDate: '2004-09-15',
      citizenship: 'RU',
      sex: 2,
      studyLevel: 6,
      fieldOfStudy: '0231',
      languageCertificates: [{ language: 'zh', test: 'HSK', level: '4', date: '2025-06-01' }],
    });
    await send('POST', `/applications/${application.id}/submit`, student);
    await send('POST', `/applications/${application.id}/review`, psu, { score: 88, eligible: true, comment: '' });
    const nomination = await send<{ id: string; proposalId: string }>('POST', '/nominations', psu, { applicationId: application.id, quotaId: line.id });
    await send('POST', `/nominations/${nomination.id}/approve`, buasToken, { proposalId: nomination.proposalId });
    mobilityId = (await send<{ items: { id: string }[] }>('GET', '/mobilities', student)).items[0]!.id;
    await send('POST', `/mobilities/${mobilityId}/admission`, buasToken, { plannedStart: arrived, plannedEnd, programme: '汉语进修' });
    // The learning agreement: each host course for one home course, signed by all three.
    await send('PUT', `/mobilities/${mobilityId}/learning-agreement/draft`, student, {
      studied: [
        { code: 'CHN201', title: '汉语综合（中级）', credits: 4, term: '2026年秋季学期' },
        { code: 'HIS105', title: '中国历史', credits: 2, term: '2026年秋季学期' },
      ],
      recognised: [
        { code: 'Б1.В.07', title: 'Китайский язык', credits: 5 },
        { code: 'Б1.В.ДВ.04', title: 'История Китая', credits: 3 },
      ],
      languageOfInstruction: { language: 'zh', scale: 'HSK', level: '4' },
    });
    const proposalId = (await send<{ pending: { proposalId: string } }>('POST', `/mobilities/${mobilityId}/learning-agreement/propose`, student)).pending
      .proposalId;
    for (const office of [psu, buasToken]) await send('POST', `/mobilities/${mobilityId}/learning-agreement/approve`, office, { proposalId });
    await send('POST', `/mobilities/${mobilityId}/arrival`, buasToken, { date: arrived });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('without JavaScript the host adds a row to the transcript and keeps what was typed', async () => {
    const plain = await launch({ javaScriptEnabled: false });
    try {
      const page = await firstPage(plain);
      await signInAs(page, 'coordinator@buas.exchange.test', 'zh');
      await page.goto(pageUrl());
      expect(await page.locator('[data-testid="transcript-form-row"]').count()).toBe(2);
      await page.fill('#components-0-grade', '90');
      await Promise.all([page.waitForURL(/\/recognition/), page.click('[data-testid="transcript-add"]')]);
      await page.waitForSelector(`[data-testid="recognition-done"] >> text=${zh.recognition_rows_notice}`);
      expect(await page.locator('[data-testid="transcript-form-row"]').count()).toBe(3);
      expect(await page.inputValue('#components-0-grade')).toBe('90');
      expect(await page.inputValue('#components-1-code')).toBe('HIS105');
      expect(plain.problems).toEqual([]);
    } finally {
      await plain.close();
    }
  });

  it('the BUAS coordinator records the transcript in Chinese', async () => {
    const page = await firstPage(browser);
    await signInAs(page, 'coordinator@buas.exchange.test', 'zh');
    await page.goto(`${baseUrl}/mobilities/${mobilityId}`);
    expect(await page.textContent('[data-testid="recognition-summary-status"]')).toBe(zh.recognition_status_none);
    await Promise.all([page.waitForURL(pageUrl()), page.click('[data-testid="recognition-open"]')]);
    expect(await page.textContent('h1')).toBe(zh.recognition_title);
    expect(await page.textContent('[data-testid="transcript-empty"]')).toBe(zh.recognition_transcript_empty);
    // The rows start from the learning agreement in force; the hint names the host's scale.
    expect(await page.inputValue('#components-0-code')).toBe('CHN201');
    expect(await page.inputValue('#components-1-title')).toBe('中国历史');
    expect(await page.inputValue('#components-1-credits')).toBe('2');
    expect(await page.textContent('[data-testid="transcript-scale"]')).toContain('0–100');
    expect(await page.getAttribute('#components-0-grade', 'aria-describedby')).toContain('transcript-scale');
    expect(await seriousViolations(page)).toEqual([]);

    await page.fill('#transcript-issuedOn', departed);
    await page.fill('#components-0-grade', '86');
    await page.fill('#components-0-date', departed);
    await page.fill('#components-1-grade', '101');
    await page.fill('#components-1-date', departed);
    // A grade off the scale is refused beside its row, in Chinese; what was typed stays.
    await page.click('[data-testid="transcript-save"]');
    await page.waitForSelector(`#components-1-grade-error >> text=${zh.recognition_field_error_grade_not_on_scale}`);
    expect(await page.getAttribute('#components-1-grade', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#components-0-grade')).toBe('86');
    expect(await page.inputValue('#components-1-grade')).toBe('101');
    expect(await page.textContent('[data-testid="transcript-empty"]')).toBe(zh.recognition_transcript_empty);
    expect(await seriousViolations(page)).toEqual([]);

    await page.fill('#components-1-grade', '59');
    await page.click('[data-testid="transcript-save"]');
    await page.waitForSelector(`[data-testid="recognition-done"] >> text=${zh.recognition_transcript_saved}`);
    expect(await page.textContent('[data-testid="recognition-status"]')).toBe(zh.recognition_status_transcript);
    const row = (code: string) => `[data-testid="transcript"] tr[data-code="${code}"]`;
    expect(await page.textContent(`${row('CHN201')} [data-testid="transcript-grade"]`)).toBe('86');
    expect(await page.textContent(`${row('CHN201')} [data-testid="transcript-result"]`)).toContain(zh.recognition_passed);
    expect(await page.textContent(`${row('HIS105')} [data-testid="transcript-result"]`)).toContain(zh.recognition_failed);
    expect(await page.textContent('#transcript-form-title')).toBe(zh.recognition_transcript_correct);
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('the PSU coordinator, in Russian, decides on the proposed recognition after confirming', async () => {
    await send('POST', `/mobilities/${mobilityId}/departure`, buasToken, { date: departed, interrupted: false, reason: null });
    const page = await firstPage(browser);
    await signInAs(page, 'coordinator@psu.exchange.test', 'ru');
    await page.goto(`${baseUrl}/mobilities/${mobilityId}`);
    expect(await page.textContent('[data-testid="recognition-summary-status"]')).toBe(ru.recognition_status_transcript);
    await Promise.all([page.waitForURL(pageUrl()), page.click('[data-testid="recognition-open"]')]);
    // The proposal: 86 converts to 5 with the agreement's credits; the failed course is not recognised.
    const proposed = (code: string) => `[data-testid="proposal"] tr[data-code="${code}"]`;
    expect(await page.textContent(`${proposed('Б1.В.07')} [data-testid="proposal-grade"]`)).toBe('5');
    expect(await page.textContent(`${proposed('Б1.В.07')} [data-testid="proposal-recognised"]`)).toContain(ru.recognition_yes);
    expect(await page.textContent(`${proposed('Б1.В.ДВ.04')} [data-testid="proposal-recognised"]`)).toContain(ru.recognition_no);
    // The form starts from it: the home grade chosen from the 5-point scale, the failed course unticked with no credits.
    expect(await page.inputValue('#decision-0-homeGrade')).toBe('5');
    expect(await page.isChecked('[data-code="Б1.В.07"] [data-testid="decision-recognised"]')).toBe(true);
    expect(await page.isChecked('[data-code="Б1.В.ДВ.04"] [data-testid="decision-recognised"]')).toBe(false);
    expect(await page.inputValue('#decision-1-homeCredits')).toBe('0');
    expect(await seriousViolations(page)).toEqual([]);

    await page.fill('#decision-1-note', 'Пересдача дома в весеннем семестре.');
    await page.click('[data-testid="decision-submit"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="decision-confirm"]')?.matches(':modal'));
    expect(await page.textContent('#decide-confirm-title')).toBe(ru.recognition_confirm_title);
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('[data-testid="decision-confirm-yes"]');
    await page.waitForSelector(`[data-testid="recognition-done"] >> text=${ru.recognition_decided_notice}`);
    expect(await page.textContent('[data-testid="recognition-status"]')).toBe(ru.recognition_status_recognised);
    expect(await page.locator('[data-testid="recognition-form"]').count()).toBe(0);
    expect(await page.textContent('[data-testid="decision"] tr[data-code="Б1.В.ДВ.04"]')).toContain('Пересдача дома в весеннем семестре.');
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('the student sees the studies recognised, with the grades', async () => {
    const page = await firstPage(browser);
    await signInAs(page, email, 'ru', password);
    await page.goto(`${baseUrl}/mobilities/${mobilityId}`);
    expect(await page.textContent('[data-testid="recognition-summary-status"]')).toBe(ru.recognition_status_recognised);
    await Promise.all([page.waitForURL(pageUrl()), page.click('[data-testid="recognition-open"]')]);
    const decided = (code: string) => `[data-testid="decision"] tr[data-code="${code}"]`;
    expect(await page.textContent(`${decided('Б1.В.07')} [data-testid="decision-recognised"]`)).toContain(ru.recognition_yes);
    expect(await page.textContent(`${decided('Б1.В.07')} [data-testid="decision-grade"]`)).toBe('5');
    expect(await page.textContent(`${decided('Б1.В.07')} [data-testid="decision-credits"]`)).toBe('5');
    expect(await page.textContent(`${decided('Б1.В.ДВ.04')} [data-testid="decision-recognised"]`)).toContain(ru.recognition_no);
    expect(await page.textContent('[data-testid="transcript"] tr[data-code="CHN201"] [data-testid="transcript-grade"]')).toBe('86');
    expect(await page.locator('[data-testid="transcript-form"], [data-testid="recognition-form"]').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('the administrator keeps an institution’s EWP id: a domain another institution has is refused, a new one saved', async () => {
    const page = await firstPage(browser);
    await signInAs(page, 'admin@exchange.test', 'ru');
    await page.goto(`${baseUrl}/grading`);
    const bri = await page.locator('#grading-institution option', { hasText: 'Баоцзинский железнодорожный' }).getAttribute('value');
    await page.goto(`${baseUrl}/grading?institution=${bri}`);
    const before = await page.inputValue('#hei-id');
    await page.fill('#hei-id', 'pnzgu.ru');
    await Promise.all([page.waitForSelector('[data-testid="grading-problem"]'), page.click('#hei-id ~ button')]);
    expect(await page.textContent('[data-testid="grading-problem"]')).toBe(ru.grading_hei_taken);
    await page.fill('#hei-id', 'Rail.Baoji.example.CN');
    await Promise.all([page.waitForSelector('[data-testid="grading-done"]'), page.click('#hei-id ~ button')]);
    expect(await page.textContent('[data-testid="grading-done"]')).toBe(ru.grading_hei_saved);
    await page.goto(`${baseUrl}/grading?institution=${bri}`);
    expect(await page.inputValue('#hei-id')).toBe('rail.baoji.example.cn');
    expect(await seriousViolations(page)).toEqual([]);
    // Back as it was, for whatever runs after.
    await page.fill('#hei-id', before);
    await Promise.all([page.waitForSelector('[data-testid="grading-done"]'), page.click('#hei-id ~ button')]);
    expect(browser.problems).toEqual([]);
  });
});
