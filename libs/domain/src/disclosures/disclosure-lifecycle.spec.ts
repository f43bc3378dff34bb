import { allowedNextStatuses, checkTransition, disclosureFacts, isDisclosed } from './disclosure-lifecycle';

describe('disclosure lifecycle', () => {
  it('walks the whole path from draft to closed', () => {
    const path = [
      ['disclose', 'draft', 'disclosed'],
      ['acknowledge', 'disclosed', 'acknowledged'],
      ['propose_remedy', 'acknowledged', 'remedy_proposed'],
      ['request_remedy_changes', 'remedy_proposed', 'remedy_changes_requested'],
      ['propose_remedy', 'remedy_changes_requested', 'remedy_proposed'],
      ['accept_remedy', 'remedy_proposed', 'remedy_accepted'],
      ['start_remediation', 'remedy_accepted', 'in_remediation'],
      ['resolve', 'in_remediation', 'resolved'],
      ['close', 'resolved', 'closed'],
    ] as const;
    for (const [action, from, to] of path) expect(checkTransition(action, from)).toEqual({ ok: true, to });
  });

  it('refuses an illegal step and names the allowed next states', () => {
    expect(checkTransition('resolve', 'remedy_proposed')).toEqual({
      ok: false,
      message: 'Cannot resolve a disclosure that is remedy_proposed; allowed next: remedy_accepted, remedy_changes_requested',
    });
    expect(checkTransition('disclose', 'closed')).toEqual({
      ok: false,
      message: 'Cannot disclose a disclosure that is closed; it allows no further step',
    });
  });

  it('lets the client answer a remedy it can already read, without acknowledging first', () => {
    const written = disclosureFacts({ remedyPlan: 'We rewrite the copy', remedyDueAt: new Date() });
    expect(checkTransition('accept_remedy', 'disclosed', written)).toEqual({ ok: true, to: 'remedy_accepted' });
    expect(checkTransition('accept_remedy', 'acknowledged', written)).toEqual({ ok: true, to: 'remedy_accepted' });
    expect(checkTransition('request_remedy_changes', 'disclosed', written)).toEqual({ ok: true, to: 'remedy_changes_requested' });
    const none = disclosureFacts({ remedyPlan: '  ', remedyDueAt: new Date() });
    expect(checkTransition('accept_remedy', 'disclosed', none)).toMatchObject({ ok: false, message: expect.stringContaining('no remedy') });
    expect(checkTransition('accept_remedy', 'disclosed', disclosureFacts({ remedyPlan: 'x', remedyDueAt: null })).ok).toBe(false);
  });

  it('knows what follows each state and what a client may see', () => {
    expect(allowedNextStatuses('draft')).toEqual(['in_review', 'disclosed']);
    expect(allowedNextStatuses('disclosed')).toEqual(['acknowledged', 'remedy_proposed']);
    expect(allowedNextStatuses('disclosed', { remedyWritten: true })).toEqual([
      'acknowledged',
      'remedy_proposed',
      'remedy_accepted',
      'remedy_changes_requested',
    ]);
    expect(isDisclosed('in_review')).toBe(false);
    expect(isDisclosed('acknowledged')).toBe(true);
  });
});
