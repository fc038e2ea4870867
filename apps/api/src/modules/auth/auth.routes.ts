import { z } from 'zod';
import { loginBody, me, meUpdate, passwordChange, registerBody, registered, session, user } from '@exchange/shared';
import { auditContext } from '../../lib/audit.js';
import { problems, type Api } from '../../lib/route.js';
import type { AuthService } from './auth.service.js';

export async function authRoutes(app: Api, { auth }: { auth: AuthService }) {
  const caller = (request: Parameters<typeof auditContext>[0]) => ({
    ...auditContext(request),
    clientAddress: request.clientAddress,
    userAgent: request.headers['user-agent'],
  });

  app.post('/auth/login', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Sign in; unknown e-mail and wrong password answer alike',
      body: loginBody,
      response: { 200: session, ...problems() },
    },
    handler: (request) => auth.login(request.body.email, request.body.password, caller(request)),
  });

  app.post('/auth/refresh', {
    // An idle user's token may have expired; the live session still renews it.
    config: { access: 'signed-in', acceptExpiredToken: true },
    schema: {
      tags: ['auth'],
      summary: 'A fresh token for the current session',
      security: [{ bearer: [] }],
      response: { 200: session, ...problems() },
    },
    handler: (request) => auth.refresh(request.actor!, request.sessionId!),
  });

  app.post('/auth/logout', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['auth'],
      summary: 'End the session: its tokens stop working at once',
      security: [{ bearer: [] }],
      response: { 204: z.null(), ...problems() },
    },
    handler: async (request, reply) => {
      await auth.logout(request.sessionId!, caller(request));
      return reply.code(204).send(null);
    },
  });

  app.post('/auth/register', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary:
        'Student self-registration with consent to the processing of personal data; the account waits for its international office. A known e-mail is answered alike and its owner told by e-mail',
      body: registerBody,
      response: { 201: registered, ...problems(422) },
    },
    handler: async (request, reply) => {
      const created = await auth.register(request.body, caller(request));
      return reply.code(201).send({ user: created });
    },
  });

  app.get('/me', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['auth'],
      summary: 'The signed-in user, with the consent given at registration',
      security: [{ bearer: [] }],
      response: { 200: me, ...problems() },
    },
    handler: (request) => auth.me(request.actor!.id),
  });

  app.patch('/me', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['auth'],
      summary: 'Change own name, language or how new nominees are mailed',
      security: [{ bearer: [] }],
      body: meUpdate,
      response: { 200: user, ...problems() },
    },
    handler: (request) => auth.updateMe(auditContext(request), request.actor!.id, request.body),
  });

  app.post('/me/password', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['auth'],
      summary: 'Change own password; every other session ends',
      security: [{ bearer: [] }],
      body: passwordChange,
      response: { 200: session, ...problems(422) },
    },
    handler: (request) => auth.changePassword(request.actor!, request.body.currentPassword, request.body.newPassword, caller(request)),
  });
}
