import { describe, expect, it } from 'vitest';
import { editRows } from './rows';
import {
  blankTranscriptRow,
  readTranscriptForm,
  transcriptBody,
  transcriptBodyRows,
  transcriptErrors,
  transcriptValues,
  transcriptList,
} from './transcript-form';

const studied = [
  { code: 'CHN101', title: '汉语综合', credits: 4, term: '2026秋', change: null, reason: null },
  { code: 'OLD100', title: '已删除', credits: 2, term: '2026秋', change: 'removed' as const, reason: '冲突' },
  { code: 'CUL110', title: '中国文化', credits: 2.5, term: '2026秋', change: 'added' as const, reason: '新增' },
];

function formOf(entries: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(entries)) form.append(name, value);
  return form;
}

describe('the transcript form', () => {
  it('starts from the components in force of the learning agreement, grades and dates to fill in', () => {
    const values = transcriptValues(null, studied);
    expect(values.issuedOn).toBe('');
    expect(values.rows.map((row) => [row.key, row.code, row.credits, row.grade])).toEqual([
      ['components-0', 'CHN101', '4', ''],
      ['components-1', 'CUL110', '2.5', ''],
    ]);
  });

  it('starts from the recorded transcript once there is one', () => {
    const transcript = {
      issuedOn: '2026-12-10',
      components: [{ code: 'CHN101', title: '汉语综合', credits: 4, grade: '86', passed: true, date: '2026-12-01' }],
      recordedAt: '2026-12-10T08:00:00.000Z',
      recordedBy: { id: '0e1c7d5e-5d4c-4d0c-8b7e-2f4b8b1f6a01', name: '王丽华' },
    };
    expect(transcriptValues(transcript, studied)).toEqual({
      issuedOn: '2026-12-10',
      rows: [{ key: 'components-0', code: 'CHN101', title: '汉语综合', credits: '4', grade: '86', date: '2026-12-01' }],
    });
  });

  it('reads the rows back and builds the body, blank rows left out, a comma as the decimal mark', () => {
    const values = readTranscriptForm(
      formOf({
        issuedOn: '2026-12-10',
        'components.0.code': 'CHN101',
        'components.0.title': '汉语综合',
        'components.0.credits': '4',
        'components.0.grade': ' 86 ',
        'components.0.date': '2026-12-01',
        'components.1.code': '',
        'components.1.title': '',
        'components.1.credits': '',
        'components.1.grade': '',
        'components.1.date': '',
        'components.2.code': 'CUL110',
        'components.2.title': '中国文化',
        'components.2.credits': '2,5',
        'components.2.grade': '59',
        'components.2.date': '2026-12-02',
      }),
    );
    expect(transcriptBodyRows(values)).toEqual(['components-0', 'components-2']);
    expect(transcriptBody(values).body).toEqual({
      issuedOn: '2026-12-10',
      components: [
        { code: 'CHN101', title: '汉语综合', credits: 4, grade: '86', date: '2026-12-01' },
        { code: 'CUL110', title: '中国文化', credits: 2.5, grade: '59', date: '2026-12-02' },
      ],
    });
  });

  it('names each missing or wrong field beside its row', () => {
    const values = {
      issuedOn: '10.12.2026',
      rows: [
        { key: 'components-0', code: 'CHN101', title: '汉语综合', credits: 'four', grade: '', date: '2026-12-01' },
        blankTranscriptRow('components-1'),
        { key: 'components-2', code: 'CUL110', title: '', credits: '2', grade: '59', date: '' },
      ],
    };
    expect(transcriptBody(values)).toEqual({
      errors: {
        issuedOn: 'date_invalid',
        'components-0.credits': 'credits_invalid',
        'components-0.grade': 'required',
        'components-2.title': 'required',
        'components-2.date': 'date_invalid',
      },
    });
    expect(transcriptBody({ issuedOn: '2026-12-10', rows: [blankTranscriptRow('components-0')] }).errors).toEqual({ components: 'components_required' });
  });

  it('puts the API’s errors beside the rows they came from, a contradicted pass beside the grade', () => {
    const problems = [
      { path: 'body.components.1.grade', code: 'grade_not_on_scale' },
      { path: 'body.components.0.passed', code: 'passed_mismatch' },
      { path: 'body.components.1.code', code: 'duplicate' },
    ];
    expect(transcriptErrors(problems, ['components-0', 'components-2'])).toEqual({
      'components-2.grade': 'grade_not_on_scale',
      'components-0.grade': 'passed_mismatch',
      'components-2.code': 'duplicate',
    });
  });

  it('adds and takes away rows without JavaScript, keeping what was typed', () => {
    const rows = transcriptValues(null, studied).rows.map((row) => ({ ...row, grade: '90' }));
    const added = editRows(rows, 'add', transcriptList, blankTranscriptRow)!;
    expect(added.map((row) => row.key)).toEqual(['components-0', 'components-1', 'components-2']);
    const dropped = editRows(added, 'drop:0', transcriptList, blankTranscriptRow)!;
    expect(dropped.map((row) => [row.key, row.code, row.grade])).toEqual([
      ['components-0', 'CUL110', '90'],
      ['components-1', '', ''],
    ]);
    expect(editRows(rows, 'drop:7', transcriptList, blankTranscriptRow)).toBeNull();
  });
});
