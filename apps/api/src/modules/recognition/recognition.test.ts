/**
 * The transcript and recognition through HTTP: BUAS grades a PSU student on its 0–100 scale
 * (the band edges 59/60 and 85/86, and 合格), PSU's recognition proposes the 5-point grades and
 * зачёт from the conversion table and the learning agreement, PSU decides and the mobility is
 * `recognised`; the conversion tables refuse grades off either scale; bad input writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { problemOf } from '../../test/helper.js';
import { admittedMobility } from '../../test/fixtures/mobilities.js';
import { nominationsFixture } from '../../test/fixtures/nominations.js';

const { f } = nominationsFixture();
const student = 'student1@psu.exchange.test';
const term = 'Autumn 2026';
const hostCodes = ['H86', 'H85', 'H60', 'H59', 'HPASS'];
const homeCodes = ['R1', 'R2', 'R3', 'R4', 'R5'];
const grades = ['86', '85', '60', '59', '合格'];

describe('recognition of a PSU student’s semester at BUAS', () => {
  let id = '';
  const request = (method: 'GET' | 'PUT' | 'POST', path: string, token: string | undefined, payload?: object) =>
    f.t.request({ method, url: `/api/v1/mobilities/${id}${path}`, token, payload });
  const transcript = (overrides: Partial<{ grade: string; passed: boolean }>[] = []) => ({
    issuedOn: '2026-12-10',
    components: hostCodes.map((code, i) => ({ code, title: `Course ${code}`, credits: 4, grade: grades[i], date: '2026-12-01', ...overrides[i] })),
  });

  it('keeps conversion tables that fit both scales', async () => {
    const url = `/api/v1/grade-conversions/${f.buas}/${f.psu}`;
    const table = (await f.t.request({ method: 'GET', url, token: f.tokens.psu })).json();
    expect(table.rules).toContainEqual({ from: { min: 86, max: 100 }, to: '5' });
    const offScale = await f.t.request({ method: 'PUT', url, token: f.tokens.psu, payload: { rules: [{ from: { min: 90, max: 100 }, to: 'A' }] } });
    expect(problemOf(offScale)).toMatchObject({ status: 422, code: 'not_on_scale' });
    expect(problemOf(offScale).errors?.[0]?.path).toBe('body.rules.0.to');
    const overlap = await f.t.request({
      method: 'PUT',
      url,
      token: f.tokens.buas,
      payload: {
        rules: [
          { from: { min: 80, max: 100 }, to: '5' },
          { from: { min: 60, max: 85 }, to: '4' },
        ],
      },
    });
    expect(problemOf(overlap).errors?.[0]).toMatchObject({ path: 'body.rules.1.from', code: 'overlapping_band' });
    expect((await f.t.request({ method: 'PUT', url, token: f.tokens.bri, payload: { rules: table.rules } })).statusCode).toBe(404);
    expect((await f.t.request({ method: 'GET', url, token: f.tokens.psu })).json().rules).toEqual(table.rules);
  });

  it('takes the host’s grades only once the stay has begun and only on the host’s scale', async () => {
    ({ mobilityId: id } = await admittedMobility(f, { student, quotaId: f.toBuas, host: 'buas' }));
    // The learning agreement maps each host course to one home course.
    const draft = {
      studied: hostCodes.map((code) => ({ code, title: `Course ${code}`, credits: 4, term })),
      recognised: homeCodes.map((code, i) => ({ code, title: `Дисциплина ${code}`, credits: 3 + i })),
      languageOfInstruction: { language: 'zh', scale: 'HSK', level: '4' },
    };
    expect((await request('PUT', '/learning-agreement/draft', f.tokens[student], draft)).statusCode).toBe(200);
    const proposalId = (await request('POST', '/learning-agreement/propose', f.tokens[student])).json().pending.proposalId;
    for (const office of ['psu', 'buas']) expect((await request('POST', '/learning-agreement/approve', f.tokens[office], { proposalId })).statusCode).toBe(200);

    expect(problemOf(await request('PUT', '/transcript', f.tokens.buas, transcript()))).toMatchObject({ status: 409, code: 'not_started' });
    expect((await request('POST', '/arrival', f.tokens.buas, { date: '2026-09-01' })).statusCode).toBe(200);
    expect((await request('PUT', '/transcript', f.tokens.psu, transcript())).statusCode).toBe(403);

    const outside = await request('PUT', '/transcript', f.tokens.buas, transcript([{}, { grade: '101' }, {}, { grade: 'A' }]));
    expect(problemOf(outside)).toMatchObject({ status: 422, code: 'grade_not_on_scale' });
    expect(problemOf(outside).errors?.map((e) => e.path)).toEqual(['body.components.1.grade', 'body.components.3.grade']);
    const contradicted = await request('PUT', '/transcript', f.tokens.buas, transcript([{}, {}, {}, { passed: true }]));
    expect(problemOf(contradicted).errors?.[0]).toMatchObject({ path: 'body.components.3.passed', code: 'passed_mismatch' });
    const negative = await request('PUT', '/transcript', f.tokens.buas, { ...transcript(), components: [{ ...transcript().components[0], credits: -2 }] });
    expect(negative.statusCode).toBe(400);
    expect((await request('GET', '/recognition', f.tokens[student])).json().transcript).toBeNull();
  });

  it('records the transcript with pass or fail from the scale, and tells the student and the home office', async () => {
    const recorded = await request('PUT', '/transcript', f.tokens.buas, transcript());
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json().transcript.components.map((c: { passed: boolean }) => c.passed)).toEqual([true, true, true, false, true]);
    const notices = (await f.t.request({ method: 'GET', url: '/api/v1/notifications', token: f.tokens[student] })).json().items;
    expect(notices.some((n: { kind: string }) => n.kind === 'mobility.transcript')).toBe(true);
  });

  it('refuses recognition before the return, then proposes the converted grades and credits', async () => {
    expect(
      problemOf(await request('POST', '/recognition', f.tokens.psu, { components: [{ code: 'R1', recognised: true, homeGrade: '5', homeCredits: 3 }] })),
    ).toMatchObject({
      status: 409,
      code: 'not_returned',
    });
    expect((await request('POST', '/departure', f.tokens.buas, { date: '2026-12-05' })).statusCode).toBe(200);
    const { proposal } = (await request('GET', '/recognition', f.tokens.psu)).json();
    expect(
      proposal.map((line: { code: string; homeGrade: string | null; homeCredits: number; recognised: boolean }) => [
        line.code,
        line.homeGrade,
        line.homeCredits,
        line.recognised,
      ]),
    ).toEqual([
      ['R1', '5', 3, true],
      ['R2', '4', 4, true],
      ['R3', '3', 5, true],
      ['R4', null, 0, false],
      ['R5', 'зачёт', 7, true],
    ]);
  });

  it('takes the home office’s decision, corrected where it sees fit, and the mobility is recognised', async () => {
    const decide = (components: object[], token = f.tokens.psu) => request('POST', '/recognition', token, { components });
    const wrong = await decide([
      { code: 'R1', recognised: true, homeGrade: '6', homeCredits: 3 },
      { code: 'X9', recognised: true, homeGrade: '4', homeCredits: 4 },
      { code: 'R4', recognised: false, homeCredits: 2 },
    ]);
    expect(problemOf(wrong).errors?.map((e) => `${e.path}:${e.code}`)).toEqual([
      'body.components.0.homeGrade:grade_not_on_scale',
      'body.components.1.code:unknown_component',
      'body.components.2.homeCredits:not_recognised',
    ]);
    expect((await decide([{ code: 'R1', recognised: true, homeGrade: '5', homeCredits: 3 }], f.tokens.buas)).statusCode).toBe(403);

    const decided = await decide([
      { code: 'R1', recognised: true, homeGrade: '5', homeCredits: 3 },
      { code: 'R2', recognised: true, homeGrade: '4', homeCredits: 4 },
      { code: 'R3', recognised: true, homeGrade: '4', homeCredits: 5, note: 'Курсовая работа защищена дома на «хорошо».' },
      { code: 'R4', recognised: false, homeGrade: null, homeCredits: 0, note: 'Пересдача дома.' },
      { code: 'R5', recognised: true, homeGrade: 'зачёт', homeCredits: 7 },
    ]);
    expect(decided.statusCode).toBe(200);
    expect(decided.json().decision.components[2]).toMatchObject({ homeGrade: '4', note: 'Курсовая работа защищена дома на «хорошо».' });
    const mobility = (await f.t.request({ method: 'GET', url: `/api/v1/mobilities/${id}`, token: f.tokens[student] })).json();
    expect(mobility.status).toBe('recognised');
    expect((await request('GET', '/recognition', f.tokens[student])).json().decision.components).toHaveLength(5);
    expect(problemOf(await decide([{ code: 'R1', recognised: true, homeGrade: '5', homeCredits: 3 }]))).toMatchObject({
      status: 409,
      code: 'already_recognised',
    });
    expect(problemOf(await request('PUT', '/transcript', f.tokens.buas, transcript()))).toMatchObject({ status: 409, code: 'already_recognised' });
  });

  it('counts the year’s components and credits per direction', async () => {
    const report = (await f.t.request({ method: 'GET', url: '/api/v1/reports/recognition?academicYear=2025%2F2026', token: f.tokens.psu })).json();
    const line = report.items.find(
      (item: { sendingInstitutionId: string; receivingInstitutionId: string }) => item.sendingInstitutionId === f.psu && item.receivingInstitutionId === f.buas,
    );
    expect(line).toMatchObject({ planned: 5, passed: 4, recognised: 4, creditsPlanned: 20, creditsPassed: 16, creditsRecognised: 19 });
  });
});
