import { disputeFormValues, disputeSchema, toDisputedEntries } from './dispute-schema';

const issues = (input: unknown) => disputeSchema.safeParse(input).error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? [];

describe('disputeSchema', () => {
  it('asks for at least one entry', () => {
    expect(issues(disputeFormValues(['a', 'b']))).toEqual([['root', 'validation.disputeChooseEntry']]);
  });

  it('asks for a comment on each disputed entry, at that entry', () => {
    const form = disputeFormValues(['a', 'b']);
    form.entries['b'] = { disputed: true, comment: '   ' };
    expect(issues(form)).toEqual([['entries.b.comment', 'validation.disputeCommentRequired']]);
  });

  it('sends only the disputed entries, with their trimmed comments', () => {
    const form = disputeFormValues(['a', 'b']);
    form.entries['a'] = { disputed: true, comment: ' Was this call on Tuesday? ' };
    form.entries['b'] = { disputed: false, comment: 'left over' };
    expect(toDisputedEntries(disputeSchema.parse(form))).toEqual([{ workLogId: 'a', comment: 'Was this call on Tuesday?' }]);
  });
});
