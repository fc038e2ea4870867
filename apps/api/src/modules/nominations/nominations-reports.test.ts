/**
 * The flows report and the nominee exports through HTTP, on the state the partner's decisions in
 * `nominations.test.ts` leave (replayed by `replayDecisions`): BUAS approved student 2, BRI
 * rejected student 1, and PSU cancelled student 3's nomination to BRI.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { quotaLines } from '@exchange/db';
import { nominationsFixture, replayDecisions } from '../../test/fixtures/nominations.js';
import type { TestContext } from '../../test/helper.js';

const { f } = nominationsFixture();
const { tokens } = f;
let t: TestContext;
let psu: string;
let buas: string;
let bri: string;
beforeAll(async () => {
  ({ t, psu, buas, bri } = f);
  await replayDecisions(f);
});

describe('reports and exports after the decisions', () => {
  it('reports flows that equal what the nominations say', async () => {
    const report = (await t.request({ method: 'GET', url: '/api/v1/reports/flows?academicYear=2025/2026', token: tokens.admin })).json();
    expect(report.directions).toHaveLength(6);
    const direction = (from: string, to: string) =>
      report.directions.find(
        (d: { sendingInstitutionId: string; receivingInstitutionId: string }) => d.sendingInstitutionId === from && d.receivingInstitutionId === to,
      );
    const all = (await t.request({ method: 'GET', url: '/api/v1/nominations?limit=100', token: tokens.admin })).json().items;
    for (const [from, to] of [
      [psu, buas],
      [psu, bri],
    ] as const) {
      const mine = all.filter(
        (n: { sendingInstitutionId: string; receivingInstitutionId: string; academicYear: string }) =>
          n.sendingInstitutionId === from && n.receivingInstitutionId === to && n.academicYear === '2025/2026',
      );
      expect(direction(from, to).nominated).toBe(mine.filter((n: { status: string }) => ['pending', 'approved'].includes(n.status)).length);
      expect(direction(from, to).approved).toBe(mine.filter((n: { status: string }) => n.status === 'approved').length);
    }
    const seats = await t.database.db.select().from(quotaLines).where(eq(quotaLines.academicYear, '2025/2026'));
    expect(report.directions.reduce((sum: number, d: { seats: number }) => sum + d.seats, 0)).toBe(seats.reduce((sum, line) => sum + line.seats, 0));
    const pair = report.balances.find(
      (b: { institutionAId: string; institutionBId: string }) =>
        [b.institutionAId, b.institutionBId].includes(psu) && [b.institutionAId, b.institutionBId].includes(buas),
    );
    expect(Math.abs(pair.balance)).toBe(1);
  });

  it('exports the nominee list as CSV and XLSX', async () => {
    const csv = await t.request({ method: 'GET', url: '/api/v1/nominations/export.csv?direction=incoming', token: tokens.buas });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Student B');
    expect(csv.body).not.toContain('75 1234567');
    const xlsx = await t.request({ method: 'GET', url: '/api/v1/nominations/export.xlsx?direction=incoming', token: tokens.buas });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('exports the nominee list in the reader’s language, with the parties’ names and times in the office’s zone', async () => {
    const header = (body: string) => body.replace(/^\uFEFF/, '').split('\r\n')[0];
    const english = await t.request({ method: 'GET', url: '/api/v1/nominations/export.csv?direction=incoming', token: tokens.buas });
    expect(header(english.body)).toMatch(
      /^"Student","Name in Latin letters","E-mail","Home university","Receiving university","Academic year","Kind of mobility","Status",/,
    );
    expect(english.body).toContain('"Penza State University","Baoji University of Arts and Sciences"');

    const chinese = await t.request({
      method: 'GET',
      url: '/api/v1/nominations/export.csv?direction=incoming',
      token: tokens.buas,
      headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
    });
    expect(chinese.statusCode).toBe(200);
    expect(header(chinese.body)).toBe(
      '"学生","拉丁字母姓名","电子邮箱","派出院校","接收院校","学年","交流类型","状态","学习层次","专业领域（ISCED-F 代码）","语言证书","推荐时间","决定时间","对方给出的原因"',
    );
    expect(chinese.body).toContain('"奔萨国立大学","宝鸡文理学院"');
    expect(chinese.body).toMatch(/"(待决定|已批准|已拒绝|已取消)"/);
    // BUAS reads its times in Beijing time, named so; certificates as the web names them.
    expect(chinese.body).toMatch(/"\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}（北京时间，UTC\+8）"/);
    expect(chinese.body).toContain('"汉语：HSK 4，2025年5月20日"');

    const russian = await t.request({
      method: 'GET',
      url: '/api/v1/nominations/export.csv?direction=outgoing',
      token: tokens.psu,
      headers: { 'accept-language': 'ru' },
    });
    expect(header(russian.body)).toMatch(
      /^"Студент","Имя латиницей","Эл. почта","Направляющий университет","Принимающий университет","Учебный год","Вид мобильности","Статус",/,
    );
    expect(russian.body).toContain('"Пензенский государственный университет"');
    expect(russian.body).toMatch(/"\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} \(московское время, UTC\+3\)"/);
    expect(russian.body).toContain('"Китайский: HSK 4, 20 мая 2025 г."');
    expect(russian.body).toMatch(/"(Ожидает решения|Одобрена|Отклонена|Отменена)"/);
  });
});
