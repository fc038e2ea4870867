import {
  identityProvider,
  identityProviderAnswer,
  identityProviderUpdate,
  idParams,
  oidcCallback,
  oidcStart,
  oidcStarted,
  session,
  signInProviders,
} from '@exchange/shared';
import { auditContext, who } from '../../lib/audit.js';
import { problems, type Api } from '../../lib/route.js';
import type { IdentityProvidersService } from './identity-providers.service.js';
import type { OidcSignInService } from './oidc-sign-in.service.js';

type Services = { providers: IdentityProvidersService; signIn: OidcSignInService };

export async function singleSignOnRoutes(app: Api, { providers, signIn }: Services) {
  app.get('/auth/oidc/providers', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Institutions whose people may sign in at their own identity provider: a button each on the sign-in page',
      response: { 200: signInProviders, ...problems() },
    },
    handler: () => providers.enabled(),
  });

  app.post('/auth/oidc/start', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary:
        'Start signing in at an institution’s OpenID provider: where to send the browser (authorization code with PKCE), and the state the web binds to that browser',
      body: oidcStart,
      response: { 200: oidcStarted, ...problems() },
    },
    handler: (request) => signIn.start(request.body.institutionId),
  });

  app.post('/auth/oidc/callback', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary:
        'The provider’s answer as it reached the web’s callback page: the code is redeemed once, the ID token checked, and its account signed in. The account is found by the provider’s identity, the first time by a verified e-mail address within that institution only',
      body: oidcCallback,
      response: { 200: session, ...problems() },
    },
    handler: (request) =>
      signIn.finish(request.body.query, { ...auditContext(request), clientAddress: request.clientAddress, userAgent: request.headers['user-agent'] }),
  });

  app.get('/institutions/:id/identity-provider', {
    config: { access: ['admin'] },
    schema: {
      tags: ['institutions'],
      summary: 'An institution’s OpenID provider, without its client secret; null when none is set',
      security: [{ bearer: [] }],
      params: idParams,
      response: { 200: identityProviderAnswer, ...problems() },
    },
    handler: (request) => providers.get(request.params.id),
  });

  app.put('/institutions/:id/identity-provider', {
    config: { access: ['admin'] },
    schema: {
      tags: ['institutions'],
      summary: 'Set an institution’s OpenID provider; the client secret is written, never read back (left out, the stored one stays)',
      security: [{ bearer: [] }],
      params: idParams,
      body: identityProviderUpdate,
      response: { 200: identityProvider, ...problems(422) },
    },
    handler: (request) => providers.save(who(request), request.params.id, request.body),
  });
}
