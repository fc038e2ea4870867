import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '@exchange/db';
import { createTestContext, problemOf, type TestContext } from '../../test/helper.js';

let t: TestContext;
let admin: string;
let psuCoordinator: string;
type User = { id: string; email: string; role: string; institutionId: string | null; status: string };

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.login('admin@exchange.test');
  psuCoordinator = await t.login('coordinator@psu.exchange.test');
});
afterAll(() => t?.close());

describe('accounts', () => {
  it('shows a coordinator only the students of their own institution', async () => {
    const psu = await t.institutionId('PSU');
    const response = await t.request({ method: 'GET', url: '/api/v1/users?limit=100', token: psuCoordinator });
    const users: User[] = response.json().items;
    expect(users.length).toBe(5);
    expect(users.every((user) => user.role === 'student' && user.institutionId === psu)).toBe(true);

    const buas = await t.institutionId('BUAS');
    const foreign = await t.request({ method: 'GET', url: `/api/v1/users?institutionId=${buas}`, token: psuCoordinator });
    expect(foreign.json().total).toBe(0);
  });

  it('lets an admin see everyone, paginated', async () => {
    const first = await t.request({ method: 'GET', url: '/api/v1/users?limit=5', token: admin });
    expect(first.json()).toMatchObject({ total: 12, limit: 5, offset: 0 });
    expect(first.json().items).toHaveLength(5);
    const last = await t.request({ method: 'GET', url: '/api/v1/users?limit=5&offset=10', token: admin });
    expect(last.json().items).toHaveLength(2);
    const huge = await t.request({ method: 'GET', url: '/api/v1/users?limit=100000', token: admin });
    expect(huge.statusCode).toBe(400);
  });

  it('hides another institution’s student from a coordinator exactly as a missing one', async () => {
    const all: User[] = (await t.request({ method: 'GET', url: '/api/v1/users?limit=100', token: admin })).json().items;
    const buasStudent = all.find((user) => user.email === 'student1@buas.exchange.test')!;
    const forbidden = await t.request({ method: 'GET', url: `/api/v1/users/${buasStudent.id}`, token: psuCoordinator });
    const missing = await t.request({ method: 'GET', url: '/api/v1/users/00000000-0000-4000-8000-000000000000', token: psuCoordinator });
    expect(forbidden.statusCode).toBe(404);
    expect(problemOf(forbidden).detail).toBe(problemOf(missing).detail);
  });

  it('lets a coordinator disable a student, ending their sessions at once, but not change their role', async () => {
    const student = await t.login('student3@psu.exchange.test');
    const me: User = (await t.request({ method: 'GET', url: '/api/v1/me', token: student })).json();

    const promote = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${me.id}`,
      token: psuCoordinator,
      payload: { role: 'coordinator' },
    });
    expect(promote.statusCode).toBe(403);

    const disabled = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${me.id}`,
      token: psuCoordinator,
      payload: { status: 'disabled' },
    });
    expect(disabled.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token: student })).statusCode).toBe(401);
    const again = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'student3@psu.exchange.test', password: demoPassword },
    });
    expect(problemOf(again).code).toBe('account_disabled');
  });

  it('lets an admin create staff, and a coordinator only students and reviewers of its own institution', async () => {
    const [psu, bri] = [await t.institutionId('PSU'), await t.institutionId('BRI')];
    const body = {
      email: 'reviewer@psu.exchange.test',
      fullName: 'Пётр Рецензентов',
      role: 'reviewer',
      institutionId: psu,
      password: 'Review-Penza-2026',
    };
    // A coordinator makes students and reviewers, never a fellow coordinator.
    const byCoordinator = await t.request({ method: 'POST', url: '/api/v1/users', token: psuCoordinator, payload: { ...body, role: 'coordinator' } });
    expect(byCoordinator.statusCode).toBe(403);
    const foreignStudent = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      token: psuCoordinator,
      payload: { ...body, role: 'student', institutionId: bri },
    });
    expect(foreignStudent.statusCode).toBe(403);
    const byAdmin = await t.request({ method: 'POST', url: '/api/v1/users', token: admin, payload: body });
    expect(byAdmin.statusCode).toBe(201);
    expect(byAdmin.json()).toMatchObject({ role: 'reviewer', status: 'active' });
    expect(byAdmin.json()).not.toHaveProperty('password');
    expect((await t.login('reviewer@psu.exchange.test', 'Review-Penza-2026')).length).toBeGreaterThan(20);

    const noInstitution = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      token: admin,
      payload: { ...body, email: 'x@psu.exchange.test', institutionId: null },
    });
    expect(noInstitution.statusCode).toBe(422);
    expect(problemOf(noInstitution).code).toBe('institution_required');
  });

  it('refuses fields a client may not set', async () => {
    const me: User = (await t.request({ method: 'GET', url: '/api/v1/me', token: psuCoordinator })).json();
    const response = await t.request({
      method: 'PATCH',
      url: '/api/v1/me',
      token: psuCoordinator,
      payload: { role: 'admin', institutionId: null },
    });
    expect(response.statusCode).toBe(400);
    const after: User = (await t.request({ method: 'GET', url: '/api/v1/me', token: psuCoordinator })).json();
    expect(after).toEqual(me);
  });
});
