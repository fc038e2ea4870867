/** Sign-in, the signed-in user's own account, the parties and the accounts staff manage. */
import {
  institution,
  me,
  page,
  registered,
  session,
  user,
  type Institution,
  type Me,
  type MeUpdate,
  type Page,
  type RegisterBody,
  type Session,
  type User,
  type UserListQuery,
  type UserUpdate,
} from '@exchange/shared';
import { segment, type Query, type Transport } from './transport.js';

const institutionPage = page(institution);
const userPage = page(user);

export function createAccountsApi({ request }: Transport) {
  return {
    login: (body: { email: string; password: string }): Promise<Session> => request('POST', '/auth/login', { body, schema: session }),
    refresh: (): Promise<Session> => request('POST', '/auth/refresh', { schema: session }),
    logout: (): Promise<void> => request('POST', '/auth/logout'),
    register: (body: RegisterBody): Promise<User> => request('POST', '/auth/register', { body, schema: registered }).then((answer) => answer.user),
    me: (): Promise<User> => request('GET', '/me', { schema: user }),
    /** The signed-in user with what only their own pages show (the consent on record). */
    account: (): Promise<Me> => request('GET', '/me', { schema: me }),
    updateMe: (body: MeUpdate): Promise<User> => request('PATCH', '/me', { body, schema: user }),

    institutions: (): Promise<Page<Institution>> => request('GET', '/institutions', { query: { limit: 100 }, schema: institutionPage }),

    users: (query: Partial<UserListQuery> = {}): Promise<Page<User>> => request('GET', '/users', { query: query as Query, schema: userPage }),
    updateUser: (id: string, body: UserUpdate): Promise<User> => request('PATCH', `/users/${segment(id)}`, { body, schema: user }),
  };
}
