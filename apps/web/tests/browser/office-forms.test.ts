/**
 * Office forms: an administrator creates a call for the university it chooses (a coordinator
 * is not asked), and the sending office writes its note to the partner, with mistakes named
 * next to the field in the page language and what was typed kept. The nominee of the note is
 * made through the API for this test alone, so the demo data other tests use stays as it is.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, catalogs, chooseLanguage, demoPassword, firstPage, launch, signIn, type Browser } from './browser';

const ru = catalogs.ru;
const zh = catalogs.zh;
const api = (process.env.API_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');

async function signInAs(page: Page, email: string, locale: 'en' | 'ru' | 'zh') {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await chooseLanguage(page, locale);
  await signIn(page, email);
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

type Institution = { id: string; code: string };
type Quota = {
  id: string;
  sendingInstitutionId: string;
  receivingInstitutionId: string;
  academicYear: string;
  mobilityType: string;
  remaining: number;
};

describe('office forms', () => {
  let browser: Browser;
  let institutions: Institution[];
  const codeOf = (code: string) => institutions.find((item) => item.code === code)!.id;

  beforeAll(async () => {
    browser = await launch();
    institutions = (await send<{ items: Institution[] }>('GET', '/institutions', null)).items;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an administrator creates a call for the university it chooses; a coordinator is not asked', async () => {
    const page = await firstPage(browser);
    await signInAs(page, 'admin@exchange.test', 'en');
    await page.goto(`${baseUrl}/calls`);
    await Promise.all([page.waitForURL(`${baseUrl}/office/calls/new`), page.click('a[href="/office/calls/new"]')]);
    expect(await page.locator('#institutionId option').count()).toBe(institutions.length);

    // Choosing BUAS offers the lines BUAS sends on, and the window is in Shanghai time.
    await page.selectOption('#institutionId', codeOf('BUAS'));
    const lines = await page.locator('.lines label').allTextContents();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toContain('Baoji University of Arts and Sciences');
    await page.fill('#titleEn', `Winter school in Baoji ${randomBytes(3).toString('hex')}`);
    await page.fill('#academicYear', '2026/2027');
    await page.fill('#opensAt', '2026-12-01T09:00');
    await page.fill('#closesAt', '2027-01-31T18:00');
    await Promise.all([page.waitForURL(/\/calls\/[0-9a-f-]{36}\?created=1$/), page.click('.call-form button[type="submit"]')]);
    const callId = /\/calls\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    const created = await send<{ institutionId: string; opensAt: string }>('GET', `/calls/${callId}`, await tokenOf('admin@exchange.test'));
    expect(created.institutionId).toBe(codeOf('BUAS'));
    expect(new Date(created.opensAt).toISOString()).toBe('2026-12-01T01:00:00.000Z');

    await signInAs(page, 'coordinator@psu.exchange.test', 'en');
    await page.goto(`${baseUrl}/office/calls/new`);
    await page.waitForSelector('.call-form');
    expect(await page.locator('#institutionId').count()).toBe(0);
    expect(browser.problems).toEqual([]);
  });

  it('the sending office writes its note to the partner in Russian: mistakes beside the field, what was typed kept', async () => {
    // A nominee of its own: a published PSU call with one line, a new student who applies, a review and a nomination.
    const admin = await tokenOf('admin@exchange.test');
    const coordinator = await tokenOf('coordinator@psu.exchange.test');
    const agreements = (await send<{ items: { id: string }[] }>('GET', '/agreements', admin)).items;
    const quotas = (
      await Promise.all(agreements.map((agreement) => send<{ items: Quota[] }>('GET', `/agreements/${agreement.id}/quotas?academicYear=2026/2027`, admin)))
    ).flatMap((answer) => answer.items);
    const line = quotas.find((quota) => quota.sendingInstitutionId === codeOf('PSU') && quota.receivingInstitutionId === codeOf('BRI') && quota.remaining > 0)!;
    expect(line).toBeDefined();
    const call = await send<{ id: string }>('POST', '/calls', admin, {
      institutionId: codeOf('PSU'),
      title: { ru: 'Стажировка в БЖИ', zh: '宝鸡铁路技师学院实习', en: 'Internship at BRI' },
      academicYear: line.academicYear,
      mobilityType: line.mobilityType,
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      quotaIds: [line.id],
      status: 'published',
    });
    const email = `note-${randomBytes(4).toString('hex')}@psu.exchange.test`;
    await send('POST', '/users', admin, {
      email,
      fullName: 'Ольга Новикова',
      role: 'student',
      institutionId: codeOf('PSU'),
      password: 'Penza-Baoji-Note-2026',
    });
    const student = await tokenOf(email, 'Penza-Baoji-Note-2026');
    const application = await send<{ id: string }>('POST', '/applications', student, { callId: call.id });
    await send('PATCH', `/applications/${application.id}`, student, {
      preferences: [{ quotaId: line.id, rank: 1 }],
      motivation: 'Изучаю железнодорожный транспорт.',
      gpa: 4.7,
      fullNameLatin: 'Olga Novikova',
      passportNumber: '56 11 223344',
      studyLevel: 6,
      fieldOfStudy: '0716',
      languageCertificates: [{ language: 'zh', test: 'HSK', level: '6', date: '2025-06-01' }],
    });
    await send('POST', `/applications/${application.id}/submit`, student);
    await send('POST', `/applications/${application.id}/review`, coordinator, { score: 90, eligible: true, comment: '' });
    const nomination = await send<{ id: string; proposalId: string }>('POST', '/nominations', coordinator, {
      applicationId: application.id,
      quotaId: line.id,
    });

    const page = await firstPage(browser);
    await signInAs(page, 'coordinator@psu.exchange.test', 'ru');
    await page.goto(`${baseUrl}/nominations/${nomination.id}`);
    expect(await page.textContent('#note-title')).toBe(ru.nomination_note_title);

    // Nothing to save yet: said next to the field, in Russian.
    await page.click('[data-testid="save-note"]');
    await page.waitForSelector('#note-error');
    expect(await page.textContent('#note-error')).toContain(ru.nomination_note_unchanged);
    expect(await page.getAttribute('#note', 'aria-describedby')).toContain('note-error');

    // A character that cannot be stored: refused, and the text stays as typed.
    const typed = 'Прибудет 1 сентября.\u0007';
    await page.fill('#note', typed);
    await page.click('[data-testid="save-note"]');
    await page.waitForSelector(`#note-error >> text=${ru.nomination_note_invalid}`);
    expect(await page.inputValue('#note')).toBe(typed);

    const note = 'Прибудет 1 сентября; просим место в общежитии.';
    await page.fill('#note', note);
    await page.click('[data-testid="save-note"]');
    await page.waitForSelector('[data-testid="note-saved"]');
    expect(await page.textContent('[data-testid="note-saved"]')).toBe(ru.nomination_note_saved);
    expect(await page.inputValue('#note')).toBe(note);
    expect(await page.locator('#note-error').count()).toBe(0);
    const after = await send<{ note: string; proposalId: string }>('GET', `/nominations/${nomination.id}`, coordinator);
    expect(after.note).toBe(note);
    expect(after.proposalId).not.toBe(nomination.proposalId);

    // Without JavaScript too: the refusal comes back with the page, and the text as typed.
    const plain = await launch({ javaScriptEnabled: false });
    try {
      const noScript = await firstPage(plain);
      await noScript.goto(`${baseUrl}/login`);
      await chooseLanguage(noScript, 'ru');
      await signIn(noScript, 'coordinator@psu.exchange.test');
      await noScript.goto(`${baseUrl}/nominations/${nomination.id}`);
      await noScript.fill('#note', `${note}   `);
      await Promise.all([noScript.waitForLoadState('load'), noScript.click('[data-testid="save-note"]')]);
      await noScript.waitForSelector('#note-error');
      expect(await noScript.textContent('#note-error')).toContain(ru.nomination_note_unchanged);
      expect(await noScript.inputValue('#note')).toBe(`${note}   `);
      // The refused form answers 400, which the browser notes; nothing else went wrong.
      expect(plain.problems.filter((problem) => !problem.includes('?/note: Failed to load resource: the server responded with a status of 400'))).toEqual([]);
    } finally {
      await plain.close();
    }

    // The partner reads the note in Chinese, without a form to change it.
    await signInAs(page, 'coordinator@bri.exchange.test', 'zh');
    await page.goto(`${baseUrl}/nominations/${nomination.id}`);
    expect(await page.textContent('main')).toContain(note);
    expect(await page.textContent('main')).toContain(zh.nomination_note);
    expect(await page.locator('#note').count()).toBe(0);
    expect(browser.problems).toEqual([]);
  });
});
