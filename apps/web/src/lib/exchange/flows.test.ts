import { describe, expect, it } from 'vitest';
import { academicYearsAround, barPercent, flowMatrix } from './flows';

describe('flows', () => {
  it('makes a matrix of the six directions with an empty diagonal', () => {
    const matrix = flowMatrix(['p', 'b', 'r'], [{ sendingInstitutionId: 'p', receivingInstitutionId: 'b', seats: 10, nominated: 2, approved: 1 }]);
    expect(matrix[0]![0]).toBeNull();
    expect(matrix[0]![1]).toMatchObject({ seats: 10, approved: 1 });
    expect(matrix[2]![1]).toMatchObject({ seats: 0, nominated: 0 });
    expect(matrix.flat().filter(Boolean)).toHaveLength(6);
  });

  it('scales bars and lists academic years', () => {
    expect(barPercent(5, 10)).toBe(50);
    expect(barPercent(0, 10)).toBe(0);
    expect(barPercent(1, 1000)).toBe(2);
    expect(academicYearsAround(new Date('2026-11-28T00:00:00Z'))).toEqual(['2024/2025', '2025/2026', '2026/2027', '2027/2028']);
  });
});
