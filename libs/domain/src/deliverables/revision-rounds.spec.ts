import { classifyRevisionRequest, roundsSummary } from './revision-rounds';

describe('revision rounds', () => {
  it('opens requests within the included rounds and makes the next one billable, waiting for the team', () => {
    expect(classifyRevisionRequest(2, 0)).toEqual({ roundNumber: 1, billable: false, status: 'open' });
    expect(classifyRevisionRequest(2, 1)).toEqual({ roundNumber: 2, billable: false, status: 'open' });
    expect(classifyRevisionRequest(2, 2)).toEqual({ roundNumber: 3, billable: true, status: 'pending_acceptance' });
    expect(classifyRevisionRequest(0, 0)).toEqual({ roundNumber: 1, billable: true, status: 'pending_acceptance' });
  });

  it('never shows negative rounds remaining', () => {
    expect(roundsSummary(2, 1)).toEqual({ included: 2, used: 1, remaining: 1 });
    expect(roundsSummary(2, 3)).toEqual({ included: 2, used: 3, remaining: 0 });
  });
});
