import { entityPath, readAction } from './audit-labels';

describe('audit actions', () => {
  it('splits a known action into subject and verb', () => {
    expect(readAction('disclosure.remedy_proposed')).toMatchObject({ subject: 'disclosure', verb: 'remedy_proposed' });
    expect(readAction('timer.auto_stopped')).toMatchObject({ subject: 'timer', verb: 'auto_stopped' });
  });

  it('keeps an unknown one readable as words', () => {
    expect(readAction('invoice.sent_twice')).toEqual({ subject: null, subjectWords: 'invoice', verb: null, verbWords: 'sent twice' });
    expect(readAction('created')).toMatchObject({ subject: null, verb: 'created' });
  });

  it('links the rows that have a page', () => {
    expect(entityPath('deliverable', 'd1')).toBe('/deliverables/d1');
    expect(entityPath('work_log', 'w1')).toBeNull();
  });
});
