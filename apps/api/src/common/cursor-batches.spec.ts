import type { EntityManager } from 'typeorm';
import { eachCursorBatch } from './cursor-batches';

/** A manager whose cursor holds `total` numbered rows, recording the statements it is sent. */
function cursorOf(total: number) {
  const statements: string[] = [];
  let next = 0;
  const manager = {
    query: (sql: string) => {
      statements.push(sql.split(' ').slice(0, 2).join(' '));
      const fetch = /^FETCH (\d+) /.exec(sql);
      if (!fetch) return Promise.resolve([]);
      const rows = Array.from({ length: Math.min(Number(fetch[1]), total - next) }, (_, i) => ({ n: next + i }));
      next += rows.length;
      return Promise.resolve(rows);
    },
  } as unknown as EntityManager;
  return { manager, statements };
}

describe('eachCursorBatch', () => {
  it('hands every row once, a batch at a time, and closes the cursor', async () => {
    const { manager, statements } = cursorOf(5);
    const seen: number[][] = [];
    await eachCursorBatch<{ n: number }>(manager, { cursor: 'rows_in_period', sql: 'SELECT 1', params: [] }, 2, (rows) => {
      seen.push(rows.map((r) => r.n));
      return Promise.resolve();
    });
    expect(seen).toEqual([[0, 1], [2, 3], [4]]);
    expect(statements).toEqual(['DECLARE rows_in_period', 'FETCH 2', 'FETCH 2', 'FETCH 2', 'CLOSE rows_in_period']);
  });

  it('empties each batch once it is written, so a result the driver still holds keeps no rows alive', async () => {
    const { manager } = cursorOf(4);
    const batches: { n: number }[][] = [];
    const written: number[] = [];
    await eachCursorBatch<{ n: number }>(manager, { cursor: 'rows_in_period', sql: 'SELECT 1', params: [] }, 2, (rows) => {
      batches.push(rows);
      written.push(rows.length);
      return Promise.resolve();
    });
    expect(written).toEqual([2, 2]);
    expect(batches.map((b) => b.length)).toEqual([0, 0]);
  });

  it('closes the cursor when writing fails, and refuses a cursor name or batch size it would write into SQL', async () => {
    const { manager, statements } = cursorOf(4);
    const failing = () => Promise.reject(new Error('the reader went away'));
    await expect(eachCursorBatch(manager, { cursor: 'c', sql: 'SELECT 1', params: [] }, 2, failing)).rejects.toThrow(
      'the reader went away',
    );
    expect(statements.at(-1)).toBe('CLOSE c');
    const nothing = () => Promise.resolve();
    await expect(eachCursorBatch(manager, { cursor: 'c; DROP', sql: 'SELECT 1', params: [] }, 2, nothing)).rejects.toThrow(/bad cursor/);
    await expect(eachCursorBatch(manager, { cursor: 'c', sql: 'SELECT 1', params: [] }, 2.5, nothing)).rejects.toThrow(/batch size/);
  });
});
