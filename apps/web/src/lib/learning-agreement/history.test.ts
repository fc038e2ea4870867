import type { LearningAgreementVersion } from '@exchange/shared';
import { describe, expect, it } from 'vitest';
import { historyOf } from './history';

const version = (number: number, status: LearningAgreementVersion['status'], studied: LearningAgreementVersion['studied']): LearningAgreementVersion => ({
  number,
  kind: number === 1 ? 'first' : 'changes',
  proposalId: `5b0c3a52-4f0e-4a57-9a53-0d7c1f6d2a1${number}`,
  status,
  studied,
  recognised: [{ code: 'Б1.В.07', title: 'Китайский язык', credits: 5, change: null, reason: null }],
  languageOfInstruction: null,
  hostCatalogueUrl: null,
  homeCatalogueUrl: null,
  signatures: { student: null, sending: null, receiving: null },
  awaiting: null,
  comment: null,
  proposedAt: '2026-05-01T09:00:00.000Z',
  signedAt: null,
});
const chinese = { code: 'CHN101', title: '汉语综合', credits: 4, term: '秋', change: null, reason: null };
const culture = { code: 'CUL110', title: '中国文化概论', credits: 2, term: '秋', change: null, reason: null };
const change = [
  chinese,
  { ...culture, change: 'removed' as const, reason: 'Timetable clash' },
  { code: 'CAL120', title: '书法', credits: 2, term: '秋', change: 'added' as const, reason: 'Replaces the culture course' },
];

describe('the learning agreement’s history', () => {
  it('says what each proposal adds and removes from the version in force when it was written, with the reasons', () => {
    const entries = historyOf([version(1, 'signed', [chinese, culture]), version(2, 'returned', change), version(3, 'signed', change)]);
    expect(entries.map((entry) => entry.basis)).toEqual([null, 1, 1]);
    expect(entries[0]!.studied.added.map((item) => item.component.code)).toEqual(['CHN101', 'CUL110']);
    expect(entries[0]!.recognised.added).toHaveLength(1);
    for (const entry of entries.slice(1)) {
      expect(entry.studied).toEqual({
        added: [{ component: change[2], reason: 'Replaces the culture course' }],
        removed: [{ component: culture, reason: 'Timetable clash' }],
      });
      expect(entry.recognised).toEqual({ added: [], removed: [] });
    }
    // A change after version 3 is measured against version 3, which no longer has the culture course.
    const next = historyOf([version(1, 'signed', [chinese, culture]), version(3, 'signed', change), version(4, 'proposed', [chinese])])[2]!;
    expect(next.basis).toBe(3);
    expect(next.studied.removed.map((item) => item.component.code)).toEqual(['CAL120']);
  });
});
