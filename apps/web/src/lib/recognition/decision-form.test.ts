import { describe, expect, it } from 'vitest';
import { decisionBody, decisionErrors, decisionValues, readDecisionForm } from './decision-form';

const proposal = [
  { code: 'R1', title: 'Китайский язык', recognised: true, homeGrade: '5', homeCredits: 5, from: ['CHN101'] },
  { code: 'R2', title: 'Культура Китая', recognised: false, homeGrade: null, homeCredits: 0, from: ['CUL110'] },
];

describe('the recognition form', () => {
  it('starts from the proposal: the converted grade and the agreement’s credits, the failed component not recognised', () => {
    expect(decisionValues(proposal).rows).toEqual([
      { key: 'decision-0', code: 'R1', title: 'Китайский язык', recognised: true, homeGrade: '5', homeCredits: '5', note: '' },
      { key: 'decision-1', code: 'R2', title: 'Культура Китая', recognised: false, homeGrade: '', homeCredits: '0', note: '' },
    ]);
  });

  it('reads the checkboxes and builds the body', () => {
    const form = new FormData();
    const rows = [
      { code: 'R1', title: 'Китайский язык', recognised: 'yes', homeGrade: '4', homeCredits: '5', note: 'Курсовая защищена дома.' },
      { code: 'R2', title: 'Культура Китая', homeGrade: '', homeCredits: '0', note: '' },
    ];
    rows.forEach((row, index) => Object.entries(row).forEach(([field, value]) => form.append(`decision.${index}.${field}`, value)));
    const values = readDecisionForm(form);
    expect(values.rows.map((row) => row.recognised)).toEqual([true, false]);
    expect(decisionBody(values).body).toEqual({
      components: [
        { code: 'R1', recognised: true, homeGrade: '4', homeCredits: 5, note: 'Курсовая защищена дома.' },
        { code: 'R2', recognised: false, homeGrade: null, homeCredits: 0, note: null },
      ],
    });
  });

  it('asks for the grade of a recognised component and refuses credits for one not recognised', () => {
    const values = decisionValues(proposal);
    values.rows[0]!.homeGrade = '';
    values.rows[1]!.homeCredits = '3';
    expect(decisionBody(values)).toEqual({ errors: { 'decision-0.homeGrade': 'required', 'decision-1.homeCredits': 'not_recognised' } });
    values.rows[0]!.homeGrade = '5';
    values.rows[1]!.homeCredits = 'x';
    expect(decisionBody(values).errors).toEqual({ 'decision-1.homeCredits': 'credits_invalid' });
  });

  it('puts the API’s errors beside the rows', () => {
    const rows = decisionValues(proposal).rows;
    expect(
      decisionErrors(
        [
          { path: 'body.components.0.homeGrade', code: 'grade_not_on_scale' },
          { path: 'body.components.1.code', code: 'unknown_component' },
          { path: 'body.components', code: 'too_small' },
        ],
        rows,
      ),
    ).toEqual({ 'decision-0.homeGrade': 'grade_not_on_scale', 'decision-1.row': 'unknown_component', components: 'components_required' });
  });
});
