/** The authorization matrix (see `test/matrix/support.ts`): the rows of the events area. */
import { describe, it } from 'vitest';
import { events } from '../test/matrix/events.js';
import { expectCells, useMatrix } from '../test/matrix/support.js';

useMatrix();

describe('authorization matrix: events', () => {
  it('answers every cell with the expected status', { timeout: 600_000 }, async () => {
    await expectCells(events);
  });
});
