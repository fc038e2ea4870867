import type { LearningAgreement, LearningAgreementVersion } from '@exchange/shared';
import { describe, expect, it } from 'vitest';
import { bodyRows, draftBody, draftErrors, draftValues, editRows, proposalErrors, readDraftForm, withBlankRow } from './form';

const formOf = (entries: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(entries)) form.append(name, value);
  return form;
};
const signature = { by: { id: '0e1c7d5e-5d4c-4d0c-8b7e-2f4b8b1f6a01', name: 'Анна Петрова' }, at: '2026-05-01T10:00:00.000Z' };
const signed: LearningAgreementVersion = {
  number: 1,
  kind: 'first',
  proposalId: '5b0c3a52-4f0e-4a57-9a53-0d7c1f6d2a10',
  status: 'signed',
  studied: [
    { code: 'CHN101', title: '汉语综合', credits: 4, term: '2026 秋', change: null, reason: null },
    { code: 'CUL110', title: '中国文化概论', credits: 2, term: '2026 秋', change: null, reason: null },
  ],
  recognised: [{ code: 'Б1.В.07', title: 'Китайский язык', credits: 5, change: null, reason: null }],
  languageOfInstruction: { language: 'zh', scale: 'HSK', level: '4' },
  hostCatalogueUrl: 'https://example.edu.cn/courses',
  homeCatalogueUrl: null,
  signatures: { student: signature, sending: signature, receiving: signature },
  awaiting: null,
  comment: null,
  proposedAt: '2026-05-01T09:00:00.000Z',
  signedAt: '2026-05-01T10:00:00.000Z',
};
const agreement = (extra: Partial<LearningAgreement> = {}): LearningAgreement => ({
  mobilityId: '0e1c7d5e-5d4c-4d0c-8b7e-2f4b8b1f6a02',
  status: 'signed',
  inForce: signed,
  pending: null,
  draft: null,
  history: [signed],
  ...extra,
});

describe('the learning agreement form', () => {
  it('starts a first version empty, and a change from the components in force, which stay as they are', () => {
    const empty = draftValues(agreement({ status: 'none', inForce: null, history: [] }));
    expect(empty).toMatchObject({ studied: [], recognised: [], language: '', level: '' });
    expect(withBlankRow(empty.studied, 'studied')).toHaveLength(1);

    const change = draftValues(agreement());
    expect(change.studied.map((row) => [row.key, row.fixed, row.code, row.remove])).toEqual([
      ['studied-0', true, 'CHN101', false],
      ['studied-1', true, 'CUL110', false],
    ]);
    expect(change).toMatchObject({ language: 'zh', level: 'HSK:4', hostCatalogueUrl: 'https://example.edu.cn/courses', homeCatalogueUrl: '' });
    expect(withBlankRow(change.studied, 'studied').at(-1)).toMatchObject({ fixed: false, code: '' });
  });

  it('reads a first version: blank rows left out, credits with a comma, errors named by their row', () => {
    const values = readDraftForm(
      formOf({
        'studied.0.code': 'CHN101',
        'studied.0.title': ' 汉语综合 ',
        'studied.0.credits': '2,5',
        'studied.0.term': 'Осень 2026',
        'studied.1.code': '',
        'studied.1.title': '',
        'studied.1.credits': '',
        'studied.1.term': '',
        'recognised.0.code': 'Б1.В.07',
        'recognised.0.title': '',
        'recognised.0.credits': '5',
        language: 'zh',
        level: 'HSK:4',
        hostCatalogueUrl: 'ftp://example.cn',
      }),
    );
    expect(values.studied).toHaveLength(2);
    const refused = draftBody(values, false);
    expect(refused.body).toBeUndefined();
    expect(refused.errors).toEqual({ 'recognised-0.title': 'required', hostCatalogueUrl: 'url_invalid' });

    values.recognised[0]!.title = 'Китайский язык';
    values.hostCatalogueUrl = '';
    const { body, errors } = draftBody(values, false);
    expect(errors).toEqual({});
    expect(body).toEqual({
      studied: [{ code: 'CHN101', title: '汉语综合', credits: 2.5, term: 'Осень 2026', change: null, reason: null }],
      recognised: [{ code: 'Б1.В.07', title: 'Китайский язык', credits: 5, change: null, reason: null }],
      languageOfInstruction: { language: 'zh', scale: 'HSK', level: '4' },
      hostCatalogueUrl: null,
      homeCatalogueUrl: null,
    });
  });

  it('marks a change: components in force kept or removed, new ones added, each change with a reason', () => {
    const values = draftValues(agreement());
    values.studied[1] = { ...values.studied[1]!, remove: true };
    values.studied.push({
      key: 'studied-2',
      fixed: false,
      code: 'CAL120',
      title: '书法',
      credits: '2',
      term: '2026 秋',
      remove: false,
      reason: 'Вместо культуры',
    });
    expect(draftBody(values, true).errors).toEqual({ 'studied-1.reason': 'reason_required' });
    values.studied[1]!.reason = 'Пересечение в расписании';
    const { body } = draftBody(values, true);
    expect(body?.studied?.map((component) => [component.code, component.change, component.reason])).toEqual([
      ['CHN101', null, null],
      ['CUL110', 'removed', 'Пересечение в расписании'],
      ['CAL120', 'added', 'Вместо культуры'],
    ]);
    expect(proposalErrors(values, true)).toEqual({});
    expect(proposalErrors(draftValues(agreement()), true)).toEqual({ studied: 'no_change' });
  });

  it('puts the API’s problems beside the rows they name', () => {
    const values = readDraftForm(
      formOf({
        'studied.0.code': '',
        'studied.0.title': '',
        'studied.0.credits': '',
        'studied.0.term': '',
        'studied.1.code': 'CHN101',
        'studied.1.title': 'Chinese',
        'studied.1.credits': '4',
        'studied.1.term': 'autumn',
      }),
    );
    const rows = bodyRows(values);
    expect(rows.studied).toEqual(['studied-1']);
    expect(
      draftErrors(
        [
          { path: 'body.studied.0.reason', code: 'reason_required' },
          { path: 'body.studied.0.credits', code: 'too_small' },
          { path: 'body.studied', code: 'silently_dropped' },
          { path: 'body.recognised', code: 'required' },
          { path: 'body.languageOfInstruction', code: 'required' },
          { path: 'body.homeCatalogueUrl', code: 'invalid_format' },
        ],
        rows,
      ),
    ).toEqual({
      'studied-1.reason': 'reason_required',
      'studied-1.credits': 'credits_invalid',
      studied: 'silently_dropped',
      recognised: 'list_required',
      language: 'language_required',
      homeCatalogueUrl: 'url_invalid',
    });
  });

  it('adds and takes away rows without JavaScript, never a component in force', () => {
    const values = draftValues(agreement());
    const added = editRows(values, 'add:recognised')!;
    expect(added.recognised.map((row) => [row.key, row.fixed])).toEqual([
      ['recognised-0', true],
      ['recognised-1', false],
    ]);
    expect(editRows(added, 'drop:recognised:1')!.recognised).toHaveLength(1);
    expect(editRows(added, 'drop:recognised:0')).toBeNull();
    expect(editRows(added, 'add:other')).toBeNull();
  });
});
