import { describe, expect, it } from 'vitest';
import { auditChangeLine, auditChanges } from './audit-diff.js';

describe('audit changes', () => {
  it('lists only the fields that changed, old → new, new fields and removed ones too', () => {
    const changes = auditChanges(
      { status: 'pending', fullName: 'Иван', tags: ['a'], gone: 1 },
      { status: 'active', fullName: 'Иван', tags: ['a', 'b'], added: true },
    );
    expect(changes).toEqual([
      { field: 'status', before: 'pending', after: 'active' },
      { field: 'tags', before: '["a"]', after: '["a","b"]' },
      { field: 'gone', before: '1', after: '' },
      { field: 'added', before: '', after: 'true' },
    ]);
    expect(auditChangeLine(changes)).toBe('status: pending → active; tags: ["a"] → ["a","b"]; gone: 1 → —; added: — → true');
  });

  it('shows a creation as every field new and an entry without states as nothing', () => {
    expect(auditChanges(null, { email: 'a@b.test' })).toEqual([{ field: 'email', before: '', after: 'a@b.test' }]);
    expect(auditChanges(null, null)).toEqual([]);
  });
});
