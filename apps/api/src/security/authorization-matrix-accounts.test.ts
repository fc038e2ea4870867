/** The authorization matrix (see `test/matrix/support.ts`): the rows of the accounts area. */
import { describe, it } from 'vitest';
import { accounts } from '../test/matrix/accounts.js';
import { expectCells, useMatrix } from '../test/matrix/support.js';

useMatrix();

describe('authorization matrix: accounts', () => {
  it('answers every cell with the expected status', { timeout: 600_000 }, async () => {
    await expectCells(accounts);
  });
});
