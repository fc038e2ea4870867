import { describe, expect, it } from 'vitest';
import { agreementFieldsOf, itemFieldsOf } from './plan-form';

const formOf = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
};
const parties = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];

describe('the plan’s forms', () => {
  it('reads a measure: a title in one language is enough, the responsible must be a party', () => {
    const read = itemFieldsOf(formOf({ title_zh: ' 联合会议 ', deadline: '2027-03-01', responsibleInstitutionId: parties[1]! }), parties);
    expect(read.errors).toEqual({});
    expect(read.body).toEqual({ title: { ru: '', zh: '联合会议', en: '' }, deadline: '2027-03-01', responsibleInstitutionId: parties[1] });
    const refused = itemFieldsOf(formOf({ deadline: '1 March', responsibleInstitutionId: '33333333-3333-4333-8333-333333333333' }), parties);
    expect(refused.errors).toEqual({ title: 'title_required', deadline: 'date_invalid', responsibleInstitutionId: 'not_a_party' });
    expect(itemFieldsOf(formOf({ title_en: 'Seminar' }), parties).body).toMatchObject({ deadline: null, responsibleInstitutionId: null });
  });

  it('reads the agreement: validity in order, a known status', () => {
    const read = agreementFieldsOf(formOf({ title_en: 'Agreement', validFrom: '2024-05-01', validTo: '2026-12-31', status: 'active', signedOn: '' }));
    expect(read.errors).toEqual({});
    expect(read.body).toMatchObject({ signedOn: null, validTo: '2026-12-31', status: 'active' });
    const backwards = agreementFieldsOf(formOf({ title_en: 'Agreement', validFrom: '2027-01-01', validTo: '2026-12-31', status: 'ended' }));
    expect(backwards.errors).toEqual({ validTo: 'validity_order', status: 'required' });
  });
});
