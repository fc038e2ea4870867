import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '@exchange/texts/runtime';
import { ApiError } from './api';
import { failure, refuse } from './exchange';

const speak = (locale: 'en' | 'ru' | 'zh') => overwriteGetLocale(() => locale);
afterEach(() => speak('en'));

describe('a refused form answers with its error texts', () => {
  it('writes the problem and every field error in the page language, so the page needs no catalog of them', () => {
    speak('ru');
    const answer = refuse(400, {
      values: {},
      problem: 'validation_failed',
      errors: { gpa: 'gpa_invalid', fullNameLatin: 'latin_only', certificateRows: [undefined, 'certificate_incomplete'] },
    });
    expect(answer.status).toBe(400);
    expect(answer.data.problem).toBe('validation_failed');
    expect(answer.data.problemText).toMatch(/[А-Яа-я]/);
    expect(Object.keys(answer.data.fieldTexts).sort()).toEqual(['certificate_incomplete', 'gpa_invalid', 'latin_only']);
    for (const text of Object.values(answer.data.fieldTexts)) expect(text).toMatch(/[А-Яа-я]/);
  });

  it('writes an upload’s problem, and an API failure’s problem and field errors', () => {
    const upload = refuse(413, { uploadType: 'transcript', uploadError: 'file_too_large' });
    expect(upload.data.uploadErrorText).toBeTruthy();
    expect(upload.data.uploadErrorText).not.toBe('file_too_large');

    const failed = failure(new ApiError(409, 'call_closed'), { errors: { title: 'title_required' } });
    expect(failed.data.problemText).toBeTruthy();
    expect(failed.data.fieldTexts.title_required).toBeTruthy();
    speak('zh');
    expect(refuse(400, { reviewErrors: { score: 'number_invalid' } }).data.fieldTexts.number_invalid).toMatch(/[\u4e00-\u9fff]/);
  });
});
