import { describe, expect, it } from 'vitest';
import { queueWording } from './dashboard-queues';

const institutionId = '11111111-1111-4111-8111-111111111111';

describe('home page queues', () => {
  it('are work to do for a coordinator', () => {
    expect(queueWording({ id: 'c', role: 'coordinator', institutionId })).toEqual({ applications: 'to_review', incoming: 'to_decide' });
  });

  it('are lists to follow for a read-only reviewer', () => {
    expect(queueWording({ id: 'r', role: 'reviewer', institutionId })).toEqual({
      applications: 'awaiting_review',
      incoming: 'awaiting_decision',
    });
  });

  it('are the whole agreement’s pending decisions for an administrator', () => {
    expect(queueWording({ id: 'a', role: 'admin', institutionId: null }).incoming).toBe('all_pending');
  });
});
