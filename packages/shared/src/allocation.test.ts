import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, compareApplicants, describeOutcome, type AllocationInput } from './allocation.js';

const lineIds = ['L0', 'L1', 'L2', 'L3', 'L4', 'L5'];

/** Random but realistic inputs: ties in scores and GPAs are frequent on purpose. */
const inputs = fc
  .record({
    seats: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: lineIds.length, maxLength: lineIds.length }),
    applicants: fc.array(
      fc.record({
        score: fc.integer({ min: 0, max: 20 }).map((n) => n * 5),
        gpa: fc.constantFrom(3.5, 4, 4.5, 5),
        submittedAt: fc.integer({ min: 0, max: 5 }).map((n) => new Date(Date.UTC(2026, 2, 1 + n)).toISOString()),
        preferences: fc.uniqueArray(fc.constantFrom(...lineIds), { minLength: 1, maxLength: 5 }),
      }),
      { maxLength: 40 },
    ),
  })
  .map(({ seats, applicants }): AllocationInput => ({
    freeSeats: Object.fromEntries(lineIds.map((id, index) => [id, seats[index]!])),
    applicants: applicants.map((applicant, index) => ({ ...applicant, id: `A${String(index).padStart(3, '0')}` })),
  }));

describe('allocate', () => {
  it('never places more students on a line than it has free seats', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const { outcomes, remaining } = allocate(input);
        for (const id of lineIds) {
          const placed = outcomes.filter((outcome) => outcome.placed?.quotaId === id).length;
          expect(placed).toBeLessThanOrEqual(input.freeSeats[id]!);
          expect(remaining[id]).toBe(input.freeSeats[id]! - placed);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never places a student below a preference that had a free seat at their turn', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const { outcomes } = allocate(input);
        const byId = new Map(input.applicants.map((applicant) => [applicant.id, applicant]));
        for (const outcome of outcomes) {
          const preferences = byId.get(outcome.applicantId)!.preferences;
          const better = outcome.placed ? preferences.slice(0, outcome.placed.rank - 1) : preferences;
          for (const quotaId of better) {
            const takenBefore = outcomes.filter((other) => other.order < outcome.order && other.placed?.quotaId === quotaId).length;
            expect(takenBefore).toBe(input.freeSeats[quotaId]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no higher-ranked student wanting the place a lower-ranked student got', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const { outcomes } = allocate(input);
        const byId = new Map(input.applicants.map((applicant) => [applicant.id, applicant]));
        for (const higher of outcomes) {
          const preferences = byId.get(higher.applicantId)!.preferences;
          const ownRank = higher.placed ? higher.placed.rank : Infinity;
          for (const lower of outcomes.filter((other) => other.order > higher.order && other.placed)) {
            const wanted = preferences.indexOf(lower.placed!.quotaId);
            if (wanted >= 0) expect(wanted + 1).toBeGreaterThanOrEqual(ownRank);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result for the same input, in whatever order it arrives', () => {
    fc.assert(
      fc.property(inputs, fc.integer(), (input, seed) => {
        const shuffled = [...input.applicants].sort((a, b) => ((a.id.charCodeAt(3) * 31 + seed) % 7) - ((b.id.charCodeAt(3) * 31 + seed) % 7));
        expect(allocate({ ...input, applicants: shuffled })).toEqual(allocate(input));
      }),
      { numRuns: 200 },
    );
  });

  it('ranks by score, then GPA, then earlier submission', () => {
    const base = { preferences: ['L0'] };
    const ranked = [
      { ...base, id: 'late', score: 90, gpa: 4.5, submittedAt: '2026-03-02T00:00:00Z' },
      { ...base, id: 'early', score: 90, gpa: 4.5, submittedAt: '2026-03-01T00:00:00Z' },
      { ...base, id: 'gpa', score: 90, gpa: 5, submittedAt: '2026-03-03T00:00:00Z' },
      { ...base, id: 'top', score: 91.5, gpa: 3, submittedAt: '2026-03-04T00:00:00Z' },
    ].sort(compareApplicants);
    expect(ranked.map((applicant) => applicant.id)).toEqual(['top', 'gpa', 'early', 'late']);
  });

  it('explains each outcome in plain words in every language', () => {
    const { outcomes } = allocate({
      freeSeats: { BRI: 1, BUAS: 1 },
      applicants: [
        { id: 'a', score: 91.5, gpa: 4, submittedAt: '2026-03-01T00:00:00Z', preferences: ['BRI', 'BUAS'] },
        { id: 'b', score: 80, gpa: 4, submittedAt: '2026-03-01T00:00:00Z', preferences: ['BRI', 'BUAS'] },
        { id: 'c', score: 70, gpa: 4, submittedAt: '2026-03-01T00:00:00Z', preferences: ['BUAS', 'BRI'] },
      ],
    });
    const name = (id: string) => id;
    expect(describeOutcome(outcomes[0]!, 'en', name)).toBe('Placed at 1st choice BRI.');
    expect(describeOutcome(outcomes[1]!, 'en', name)).toBe('Placed at 2nd choice BUAS: 1st choice BRI full, its last seat went to a score of 91.5.');
    expect(describeOutcome(outcomes[2]!, 'en', name)).toBe('Not placed: all 2 choices full; waitlisted 1st for BUAS, waitlisted 1st for BRI.');
    expect(describeOutcome(outcomes[1]!, 'ru', name)).toContain('2-й выбор BUAS');
    expect(describeOutcome(outcomes[2]!, 'zh', name)).toContain('未录取');
  });

  it('never offers a line whose partner rejected the student again, and says so', () => {
    const { outcomes } = allocate({
      freeSeats: { BRI: 1, BUAS: 1 },
      applicants: [
        { id: 'a', score: 91.5, gpa: 4, submittedAt: '2026-03-01T00:00:00Z', preferences: ['BRI', 'BUAS'], rejectedOn: ['BRI'] },
        { id: 'b', score: 80, gpa: 4, submittedAt: '2026-03-01T00:00:00Z', preferences: ['BUAS', 'BRI'], rejectedOn: ['BRI'] },
        { id: 'c', score: 70, gpa: 4, submittedAt: '2026-03-01T00:00:00Z', preferences: ['BRI'], rejectedOn: ['BRI'] },
      ],
    });
    const name = (id: string) => id;
    expect(outcomes.map((outcome) => outcome.placed)).toEqual([{ quotaId: 'BUAS', rank: 2 }, null, null]);
    expect(describeOutcome(outcomes[0]!, 'en', name)).toBe('Placed at 2nd choice BUAS: 1st choice BRI rejected the nomination.');
    expect(describeOutcome(outcomes[0]!, 'ru', name)).toBe('Место: 2-й выбор BUAS; 1-й выбор BRI отклонил кандидатуру.');
    expect(describeOutcome(outcomes[0]!, 'zh', name)).toBe('录取于第2志愿BUAS；第1志愿BRI已拒绝该提名。');
    // b's free BRI seat is not offered to b, who is waitlisted only where still possible.
    expect(outcomes[1]!.waitlist).toEqual([{ quotaId: 'BUAS', rank: 1, position: 1 }]);
    expect(describeOutcome(outcomes[1]!, 'en', name)).toBe(
      'Not placed: 2nd choice BRI rejected the nomination; the other choice full; waitlisted 1st for BUAS.',
    );
    expect(describeOutcome(outcomes[2]!, 'en', name)).toBe('Not placed: 1st choice BRI rejected the nomination; no other choice.');
    expect(describeOutcome(outcomes[2]!, 'ru', name)).toBe('Не размещён: 1-й выбор BRI отклонил кандидатуру; других выборов нет.');
  });
});
