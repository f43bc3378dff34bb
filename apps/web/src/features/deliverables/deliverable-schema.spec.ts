import { deliverableSchema, formatBytes, newDeliverableSchema, nextRound, readLateDraft, toDeliverableInput } from './deliverable-schema';

describe('the deliverable form', () => {
  it('needs a title and leaves out empty optional fields', () => {
    expect(deliverableSchema.safeParse({ title: ' ', description: '', assigneeId: '', dueAt: '' }).success).toBe(false);
    const parsed = deliverableSchema.parse({ title: ' March newsletter ', description: '', assigneeId: '', dueAt: '' });
    expect(toDeliverableInput('e1', parsed)).toEqual({ engagementId: 'e1', title: 'March newsletter' });
  });

  it('sends the due date as an instant and refuses a half-typed one', () => {
    expect(deliverableSchema.safeParse({ title: 'x', description: '', assigneeId: '', dueAt: '2026-12-01' }).success).toBe(false);
    const input = toDeliverableInput('e1', { title: 'x', description: 'y', assigneeId: 'u1', dueAt: '2026-12-01T17:00' });
    expect(input).toMatchObject({ description: 'y', assigneeId: 'u1' });
    expect(new Date(input.dueAt!).getTime()).toBe(new Date('2026-12-01T17:00').getTime());
  });
});

describe('planning a new deliverable', () => {
  it('refuses a due date that has already passed, at its field', () => {
    const past = newDeliverableSchema.safeParse({ title: 'x', description: '', assigneeId: '', dueAt: '2020-01-01T09:00' });
    expect(past.success).toBe(false);
    expect(past.error?.issues[0]).toMatchObject({ path: ['dueAt'], message: 'validation.dueInPast' });
    expect(newDeliverableSchema.safeParse({ title: 'x', description: '', assigneeId: '', dueAt: '2099-01-01T09:00' }).success).toBe(true);
    expect(newDeliverableSchema.safeParse({ title: 'x', description: '', assigneeId: '', dueAt: '' }).success).toBe(true);
  });
});

describe('the next round of changes', () => {
  it('is included while rounds remain and billable beyond them', () => {
    expect(nextRound({ included: 2, used: 1, remaining: 1 })).toEqual({ round: 2, billable: false });
    expect(nextRound({ included: 2, used: 2, remaining: 0 })).toEqual({ round: 3, billable: true });
    expect(nextRound({ included: 0, used: 0, remaining: 0 })).toEqual({ round: 1, billable: true });
  });
});

describe('the late-work link', () => {
  const engagementId = '3f2b7c1e-8a4d-4c2e-9b1a-0d6e5f4a3b2c';
  const deliverableId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

  it('reads the engagement, deliverable, category and due date', () => {
    const draft = readLateDraft(
      new URLSearchParams({ engagementId, deliverableId, category: 'missed_deadline', occurredAt: '2026-11-20T16:00:00.000Z' }),
    );
    expect(draft).toMatchObject({ engagementId, deliverableId, category: 'missed_deadline' });
    expect(draft?.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  });

  it('drops what it cannot read and needs an engagement', () => {
    expect(readLateDraft(new URLSearchParams({ engagementId, deliverableId: '../x', category: 'nonsense', occurredAt: 'soon' }))).toEqual({
      engagementId,
    });
    expect(readLateDraft(new URLSearchParams({ deliverableId }))).toBeNull();
  });
});

describe('file sizes', () => {
  it('reads as the locale writes them', () => {
    expect(formatBytes(512, 'en')).toBe('512 bytes');
    expect(formatBytes(12_300, 'en')).toBe('12.3 kB');
    expect(formatBytes(3_400_000, 'de')).toBe('3,4 MB');
  });
});
