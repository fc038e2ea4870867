/** The authorization matrix (see `test/matrix/support.ts`): the rows of the checklists area. */
import { describe, it } from 'vitest';
import { checklists } from '../test/matrix/checklists.js';
import { expectCells, useMatrix } from '../test/matrix/support.js';

useMatrix();

describe('authorization matrix: checklists', () => {
  it('answers every cell with the expected status', { timeout: 600_000 }, async () => {
    await expectCells(checklists);
  });
});
