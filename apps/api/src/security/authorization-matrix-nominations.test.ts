/** The authorization matrix (see `test/matrix/support.ts`): the rows of the nominations area. */
import { describe, it } from 'vitest';
import { nominations } from '../test/matrix/nominations.js';
import { expectCells, useMatrix } from '../test/matrix/support.js';

useMatrix();

describe('authorization matrix: nominations', () => {
  it('answers every cell with the expected status', { timeout: 600_000 }, async () => {
    await expectCells(nominations);
  });
});
