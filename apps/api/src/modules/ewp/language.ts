/** Language levels on the scale EWP knows (CEFR), from the scales the agreement uses. */
import type { CefrLevel } from './types.js';

const cefrLevels: readonly string[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] satisfies CefrLevel[];

/** The Russian state test (TORFL) is built on the CEFR levels, one to one. */
const torflToCefr: Record<string, CefrLevel> = { TEU: 'A1', TBU: 'A2', 'TORFL-1': 'B1', 'TORFL-2': 'B2', 'TORFL-3': 'C1', 'TORFL-4': 'C2' };

/**
 * The CEFR level of a language requirement, or null when its scale has no official equivalence
 * (HSK: the Chinese test's levels are not aligned with CEFR, so none is made up here).
 */
export function cefrLevelOf(requirement: { scale: string; level: string }): CefrLevel | null {
  if (requirement.scale === 'CEFR') return cefrLevels.includes(requirement.level) ? (requirement.level as CefrLevel) : null;
  if (requirement.scale === 'TORFL') return torflToCefr[requirement.level] ?? null;
  return null;
}
