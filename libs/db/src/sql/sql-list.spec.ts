import { sqlList } from './sql-list';

describe('sqlList', () => {
  it('writes code-owned constants as quoted SQL literals', () => {
    expect(sqlList(['in_progress', 'changes_requested'])).toBe("'in_progress', 'changes_requested'");
    expect(sqlList(["o'clock"])).toBe("'o''clock'");
  });

  it('refuses an empty list: IN () is not SQL', () => {
    expect(() => sqlList([])).toThrow('sqlList needs at least one value');
  });
});
