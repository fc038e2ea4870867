/** Each institution's grade scale and credit unit, and the conversion tables between two institutions' scales. */
import {
  gradeConversion,
  institutionGrading,
  type ConversionRule,
  type GradeConversion,
  type institutionGradingUpdate,
  type InstitutionGrading,
} from '@exchange/shared';
import { segment as id, type Transport } from './transport.js';

/** The scale (a numeric range with its pass mark, named grades) and the credit unit, as saved. */
export type InstitutionGradingUpdate = ReturnType<typeof institutionGradingUpdate.parse>;

export function createGradingApi({ request }: Transport) {
  const conversionPath = (fromId: string, toId: string) => `/grade-conversions/${id(fromId)}/${id(toId)}`;
  return {
    grading: (institutionId: string): Promise<InstitutionGrading> =>
      request('GET', `/institutions/${id(institutionId)}/grading`, { schema: institutionGrading }),
    saveGrading: (institutionId: string, body: InstitutionGradingUpdate): Promise<InstitutionGrading> =>
      request('PUT', `/institutions/${id(institutionId)}/grading`, { body, schema: institutionGrading }),
    /** How grades of `fromId` convert to grades of `toId` (an empty table when none is kept). */
    conversion: (fromId: string, toId: string): Promise<GradeConversion> => request('GET', conversionPath(fromId, toId), { schema: gradeConversion }),
    /** Replaces the whole table; each line is checked against both scales. */
    saveConversion: (fromId: string, toId: string, rules: ConversionRule[]): Promise<GradeConversion> =>
      request('PUT', conversionPath(fromId, toId), { body: { rules }, schema: gradeConversion }),
  };
}
