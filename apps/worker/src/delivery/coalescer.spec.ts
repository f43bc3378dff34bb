import { Coalescer } from './coalescer';

describe('Coalescer', () => {
  it('sends a lone call at once and groups the calls that arrive while a batch is in flight', async () => {
    const batches: string[][] = [];
    let release: () => void = () => undefined;
    const coalescer = new Coalescer<string, string>(async (key, items) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return items.map((item) => `${key}:${item}`);
    }, 2);

    const first = coalescer.run('t1', 'a');
    const rest = ['b', 'c', 'd'].map((item) => coalescer.run('t1', item));
    const other = coalescer.run('t2', 'x');
    expect(batches).toEqual([['a'], ['x']]);
    release();
    expect(await first).toBe('t1:a');
    expect(await Promise.all(rest)).toEqual(['t1:b', 't1:c', 't1:d']);
    expect(await other).toBe('t2:x');
    // At most two per batch, in arrival order.
    expect(batches).toEqual([['a'], ['x'], ['b', 'c'], ['d']]);
  });

  it('rejects every call of a failed batch and carries on with the next', async () => {
    let fail = true;
    const coalescer = new Coalescer<number, number>((_key, items) => {
      if (fail) {
        fail = false;
        return Promise.reject(new Error('database away'));
      }
      return Promise.resolve(items.map((n) => n * 2));
    });
    await expect(coalescer.run('t', 1)).rejects.toThrow('database away');
    await expect(coalescer.run('t', 2)).resolves.toBe(4);
  });
});

describe('Coalescer with a wait', () => {
  it('holds a call on an idle key for others to join, and sends a full batch at once', async () => {
    jest.useFakeTimers();
    try {
      const batches: number[][] = [];
      const coalescer = new Coalescer<number, number>((_key, items) => (batches.push(items), Promise.resolve(items)), 3, 20);
      const first = [1, 2].map((n) => coalescer.run('t', n));
      expect(batches).toEqual([]);
      await jest.advanceTimersByTimeAsync(20);
      expect(batches).toEqual([[1, 2]]);
      await Promise.all(first);
      const full = [3, 4, 5].map((n) => coalescer.run('t', n));
      expect(batches).toEqual([
        [1, 2],
        [3, 4, 5],
      ]);
      await Promise.all(full);
    } finally {
      jest.useRealTimers();
    }
  });
});
