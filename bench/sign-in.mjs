/** Sign-in under load: argon2id verification dominates it. */
import { db } from './root.mjs';

export async function benchSignIn(studentEmails, { cannon, perConnection }) {
  process.stdout.write('login… ');
  let nextLogin = 0;
  const loginResult = await cannon('login (argon2id)', [
    {
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request, context) => {
        context.email ??= studentEmails[nextLogin++ % studentEmails.length];
        return perConnection('anonymous')({ ...request, body: JSON.stringify({ email: context.email, password: db.demoPassword }) }, context);
      },
    },
  ]);
  console.log(`${loginResult.requestsPerSecond} req/s`);
  return loginResult;
}
