import { idParams, page, user, userCreate, userListQuery, userUpdate } from '@exchange/shared';
import { who } from '../../lib/audit.js';
import { problems, type Api } from '../../lib/route.js';
import type { UsersService } from './users.service.js';

const staff = ['admin', 'coordinator'] as const;

export async function usersRoutes(app: Api, { users }: { users: UsersService }) {
  app.get('/users', {
    config: { access: staff },
    schema: {
      tags: ['users'],
      summary: 'Accounts: all for an admin, own students and reviewers for a coordinator',
      security: [{ bearer: [] }],
      querystring: userListQuery,
      response: { 200: page(user), ...problems() },
    },
    handler: (request) => {
      const { limit, offset, ...filter } = request.query;
      return users.list(request.actor!, filter, limit, offset);
    },
  });

  app.get('/users/:id', {
    config: { access: staff },
    schema: { tags: ['users'], security: [{ bearer: [] }], params: idParams, response: { 200: user, ...problems() } },
    handler: (request) => users.get(request.actor!, request.params.id),
  });

  app.post('/users', {
    config: { access: staff },
    schema: {
      tags: ['users'],
      summary: 'Create an account; without a password its owner is e-mailed an invitation to set one',
      security: [{ bearer: [] }],
      body: userCreate,
      response: { 201: user, ...problems(409, 422) },
    },
    handler: async (request, reply) => reply.code(201).send(await users.create(who(request), request.body)),
  });

  app.post('/users/:id/invitation', {
    config: { access: staff },
    schema: {
      tags: ['users'],
      summary: 'E-mail the invitation link again to an account that has not set its password; the earlier link stops working',
      security: [{ bearer: [] }],
      params: idParams,
      response: { 200: user, ...problems(409) },
    },
    handler: (request) => users.resendInvitation(who(request), request.params.id),
  });

  app.patch('/users/:id', {
    config: { access: staff },
    schema: {
      tags: ['users'],
      summary: 'Change an account; verifying a student is {status: "active"}',
      security: [{ bearer: [] }],
      params: idParams,
      body: userUpdate,
      response: { 200: user, ...problems(409, 422) },
    },
    handler: (request) => users.update(who(request), request.params.id, request.body),
  });
}
