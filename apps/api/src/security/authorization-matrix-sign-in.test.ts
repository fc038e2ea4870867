/** The authorization matrix (see `test/matrix/support.ts`): the rows of the sign-in area (own sessions, e-mailed links, identity providers). */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { oidcProvider, signIn } from '../test/matrix/sign-in.js';
import { expectCells, useMatrix } from '../test/matrix/support.js';
import { startTestProvider, type TestProvider } from '../test/oidc-provider.js';

useMatrix();
let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider({ redirectUris: ['http://localhost:3000/login/oidc/callback'], clients: [oidcProvider] });
  oidcProvider.issuer = provider.issuer;
});
afterAll(() => provider?.close());

describe('authorization matrix: sign-in', () => {
  it('answers every cell with the expected status', { timeout: 600_000 }, async () => {
    await expectCells(signIn);
  });
});
