import { findNamedPeople } from './blameless';

const ada = { displayName: 'Ada Lovelace', email: 'ada@northwind.test' };

describe('findNamedPeople', () => {
  it('finds a full name, a first name and an email, pointing at the field', () => {
    expect(
      findNamedPeople({ whatHappened: 'ADA LOVELACE sent the wrong file', impact: 'Ask ada@northwind.test', apology: 'Ada is sorry' }, [
        ada,
      ]),
    ).toEqual([
      { field: 'whatHappened', words: 'ADA LOVELACE' },
      { field: 'impact', words: 'ada@northwind.test' },
      { field: 'apology', words: 'Ada' },
    ]);
  });

  it('passes blameless text and names inside other words', () => {
    expect(findNamedPeople({ whatHappened: 'We sent an adamant reply to the wrong list', impact: null }, [ada])).toEqual([]);
  });

  it('takes a name part that is also a word only as written', () => {
    const will = { displayName: 'Will Grace', email: 'will@x.test' };
    expect(findNamedPeople({ remedyPlan: 'We will fix it with grace' }, [will])).toEqual([]);
    expect(findNamedPeople({ remedyPlan: 'Will fixes it' }, [will])).toEqual([{ field: 'remedyPlan', words: 'Will' }]);
  });

  it('matches names in any script', () => {
    expect(findNamedPeople({ apology: 'お詫び: 山田太郎が間違えました' }, [{ displayName: '山田太郎', email: 'y@x.test' }])).toEqual([
      { field: 'apology', words: '山田太郎' },
    ]);
  });
});
