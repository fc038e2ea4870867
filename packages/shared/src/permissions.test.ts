import { describe, expect, it } from 'vitest';
import { allows, canCreateUser, canImportStudents, canUpdateUser, canViewUser, type Actor } from './permissions.js';

const psu = 'psu-id';
const buas = 'buas-id';
const admin: Actor = { id: 'a', role: 'admin', institutionId: null };
const coordinator: Actor = { id: 'c', role: 'coordinator', institutionId: psu };
const reviewer: Actor = { id: 'r', role: 'reviewer', institutionId: buas };
const student: Actor = { id: 's', role: 'student', institutionId: psu };

describe('allows', () => {
  it('admits callers by the route’s declaration', () => {
    expect(allows('public', null)).toBe(true);
    expect(allows('signed-in', null)).toBe(false);
    expect(allows('signed-in', student)).toBe(true);
    expect(allows(['admin'], coordinator)).toBe(false);
    expect(allows(['admin', 'coordinator'], coordinator)).toBe(true);
  });
});

describe('user rules', () => {
  const ownStudent = { id: 'x', role: 'student' as const, institutionId: psu };
  const foreignStudent = { id: 'y', role: 'student' as const, institutionId: buas };
  it('lets a coordinator see and verify only students of their own institution', () => {
    expect(canViewUser(coordinator, ownStudent)).toBe(true);
    expect(canViewUser(coordinator, foreignStudent)).toBe(false);
    expect(canViewUser(reviewer, foreignStudent)).toBe(false);
    expect(canUpdateUser(coordinator, ownStudent, ['status'])).toBe(true);
    expect(canUpdateUser(coordinator, ownStudent, ['status', 'role'])).toBe(false);
    expect(canUpdateUser(coordinator, foreignStudent, ['status'])).toBe(false);
    expect(canUpdateUser(admin, foreignStudent, ['role'])).toBe(true);
  });

  it('lets a coordinator run the reviewers of their own institution, never its coordinators or another’s staff', () => {
    const ownReviewer = { id: 'r1', role: 'reviewer' as const, institutionId: psu };
    const ownCoordinator = { id: 'c2', role: 'coordinator' as const, institutionId: psu };
    const foreignReviewer = { id: 'r2', role: 'reviewer' as const, institutionId: buas };
    expect(canViewUser(coordinator, ownReviewer)).toBe(true);
    expect(canUpdateUser(coordinator, ownReviewer, ['status'])).toBe(true);
    expect(canCreateUser(coordinator, { role: 'reviewer', institutionId: psu })).toBe(true);
    expect(canViewUser(coordinator, ownCoordinator)).toBe(false);
    expect(canCreateUser(coordinator, { role: 'coordinator', institutionId: psu })).toBe(false);
    expect(canViewUser(coordinator, foreignReviewer)).toBe(false);
    expect(canCreateUser(coordinator, { role: 'reviewer', institutionId: buas })).toBe(false);
    expect(canImportStudents(coordinator, psu)).toBe(true);
    expect(canImportStudents(coordinator, buas)).toBe(false);
    expect(canImportStudents(reviewer, buas)).toBe(false);
    expect(canImportStudents(admin, buas)).toBe(true);
  });
});
