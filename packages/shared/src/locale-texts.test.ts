import { describe, expect, it } from 'vitest';
import { certificateLabel, cityName, inLanguageNote, languageLevelLabel, timeZoneName, writtenText } from './locale-texts.js';

describe('languageLevelLabel', () => {
  it('names TORFL levels as ТРКИ / ТЭУ / ТБУ in Russian, TORFL in English, one Chinese form', () => {
    expect(languageLevelLabel('TORFL', 'TORFL-1', 'ru')).toBe('ТРКИ-1');
    expect(languageLevelLabel('TORFL', 'TORFL-2', 'ru')).toBe('ТРКИ-2');
    expect(languageLevelLabel('TORFL', 'TEU', 'ru')).toBe('ТЭУ');
    expect(languageLevelLabel('TORFL', 'TBU', 'ru')).toBe('ТБУ');
    expect(languageLevelLabel('TORFL', 'TORFL-1', 'en')).toBe('TORFL-1');
    expect(languageLevelLabel('TORFL', 'TBU', 'en')).toBe('TORFL Basic');
    expect(languageLevelLabel('TORFL', 'TORFL-3', 'zh')).toBe('俄语等级考试三级');
    expect(languageLevelLabel('HSK', '4', 'ru')).toBe('HSK 4');
    expect(languageLevelLabel('CEFR', 'B2', 'en')).toBe('B2 (CEFR)');
  });
});

describe('certificateLabel', () => {
  it('names a TORFL certificate as the calls do and dates it in the reader’s form, not ISO', () => {
    expect(certificateLabel({ test: 'ТРКИ', level: 'TORFL-1', date: '2025-05-15' }, 'ru')).toBe('ТРКИ-1, 15 мая 2025 г.');
    expect(certificateLabel({ test: 'TORFL', level: '2', date: '2025-05-15' }, 'en')).toBe('TORFL-2, 15 May 2025');
    expect(certificateLabel({ test: 'HSK', level: '5', date: '2025-05-15' }, 'zh')).toBe('HSK 5，2025年5月15日');
  });
});

describe('timeZoneName', () => {
  it('names the agreement’s zones by the time people call them, Shanghai as Beijing time', () => {
    expect(timeZoneName('Europe/Moscow', 'en')).toBe('Moscow time');
    expect(timeZoneName('Europe/Moscow', 'ru')).toBe('московское время');
    expect(timeZoneName('Europe/Moscow', 'zh')).toBe('莫斯科时间');
    expect(timeZoneName('Asia/Shanghai', 'en')).toBe('Beijing time');
    expect(timeZoneName('Asia/Shanghai', 'ru')).toBe('пекинское время');
    expect(timeZoneName('Asia/Shanghai', 'zh')).toBe('北京时间');
  });

  it('never shows another zone as its Area/City identifier', () => {
    for (const locale of ['en', 'ru', 'zh'] as const) expect(timeZoneName('Europe/Berlin', locale)).not.toContain('/');
    expect(timeZoneName('Nowhere/Some_City', 'en')).toBe('Some City');
  });
});

describe('cityName', () => {
  it('names the agreement’s cities in the reader’s language and leaves others as stored', () => {
    expect(cityName('Penza', 'ru')).toBe('Пенза');
    expect(cityName('Penza', 'zh')).toBe('奔萨');
    expect(cityName('Baoji', 'ru')).toBe('Баоцзи');
    expect(cityName('Baoji', 'zh')).toBe('宝鸡');
    expect(cityName('宝鸡', 'en')).toBe('Baoji');
    expect(cityName('Kazan', 'zh')).toBe('Kazan');
  });
});

describe('writtenText', () => {
  it('says in the reader’s language which language a text was written in, only when it differs', () => {
    expect(writtenText('Не хватает мест', 'ru', 'en')).toBe('Не хватает мест (in Russian)');
    expect(writtenText('名额已满', 'zh', 'ru')).toBe('名额已满 (на китайском)');
    expect(writtenText('Not enough seats', 'en', 'zh')).toBe('Not enough seats（英文）');
    expect(writtenText('Не хватает мест', 'ru', 'ru')).toBe('Не хватает мест');
    expect(writtenText('Old text', null, 'ru')).toBe('Old text');
    expect(inLanguageNote('ru', 'en')).toBe('in Russian');
  });
});

describe('a reason in a notification', () => {
  it('tells the reader the language the partner wrote it in, when it is not the reader’s', async () => {
    const { renderNotification } = await import('./notification-texts.js');
    const params = { partner: { ru: 'ПГУ', zh: '奔萨国立大学', en: 'PSU' }, reason: '名额已满', reasonLocale: 'zh' };
    // Each text also says what happens next; the reason ends it.
    expect(renderNotification('application.declined', params, 'ru').body).toMatch(/^ПГУ не принял вашу номинацию\. .+ Причина: 名额已满 \(на китайском\)$/);
    expect(renderNotification('application.declined', params, 'zh').body).toMatch(/^奔萨国立大学未批准您的推荐。.+原因：名额已满$/);
    expect(renderNotification('application.declined', { ...params, reasonLocale: undefined }, 'en').body).toMatch(
      /^PSU did not accept your nomination\. .+ Reason: 名额已满$/,
    );
  });
});
