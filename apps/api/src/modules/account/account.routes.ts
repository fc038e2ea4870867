import { z } from 'zod';
import {
  accountSessions,
  idParams,
  invitationAccept,
  passwordResetConfirm,
  passwordResetRequest,
  passwordResetRequested,
  session,
  sessionsEnded,
} from '@exchange/shared';
import { auditContext, who } from '../../lib/audit.js';
import { problems, type Api } from '../../lib/route.js';
import type { AccountService } from './account.service.js';

export async function accountRoutes(app: Api, { account }: { account: AccountService }) {
  const caller = (request: Parameters<typeof auditContext>[0]) => ({
    ...auditContext(request),
    clientAddress: request.clientAddress,
    userAgent: request.headers['user-agent'],
  });

  app.post('/auth/password-reset', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'E-mail a single-use link to set a new password; the same answer, in about the same time, whether or not the address has an account',
      body: passwordResetRequest,
      response: { 202: passwordResetRequested, ...problems() },
    },
    handler: async (request, reply) => {
      await account.requestPasswordReset(request.body.email, caller(request));
      return reply.code(202).send({ detail: 'If an account uses this address, a link to set a new password is on its way; it works once, within the hour.' });
    },
  });

  app.post('/auth/password-reset/confirm', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Set a new password from the e-mailed link (once, within the hour); every session of the account ends',
      body: passwordResetConfirm,
      response: { 204: z.null(), ...problems() },
    },
    handler: async (request, reply) => {
      await account.confirmPasswordReset(request.body.token, request.body.password, caller(request));
      return reply.code(204).send(null);
    },
  });

  app.post('/auth/invitation/accept', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Set the first password from an invitation link (once, within the week), proving the e-mail address, and sign in',
      body: invitationAccept,
      response: { 200: session, ...problems() },
    },
    handler: (request) => account.acceptInvitation(request.body.token, request.body.password, caller(request)),
  });

  app.get('/me/sessions', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['auth'],
      summary: 'Own live sessions: device, when signed in and last renewed, which one is this',
      security: [{ bearer: [] }],
      response: { 200: accountSessions, ...problems() },
    },
    handler: (request) => account.sessions(request.actor!.id, request.sessionId!),
  });

  app.delete('/me/sessions/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['auth'],
      summary: 'End one of own sessions: its tokens stop working at once',
      security: [{ bearer: [] }],
      params: idParams,
      response: { 204: z.null(), ...problems() },
    },
    handler: async (request, reply) => {
      await account.endSession(who(request), request.params.id);
      return reply.code(204).send(null);
    },
  });

  app.post('/me/sessions/end-others', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['auth'],
      summary: 'Sign out everywhere else: every own session but this one ends',
      security: [{ bearer: [] }],
      response: { 200: sessionsEnded, ...problems() },
    },
    handler: (request) => account.endOtherSessions(who(request), request.sessionId!),
  });
}
