/**
 * Groups calls that arrive together into one batch per key (a tenant), so many jobs share one
 * transaction instead of each opening its own.
 *
 * A key has at most one batch in flight. Calls that arrive meanwhile wait for it and go together in
 * the next one, up to `maxBatch`. A lone call therefore goes at once (no timer, no added wait), and
 * batches grow only when the database is the bottleneck. DataLoader batches per tick instead, which
 * under a steady stream of jobs yields batches of one or two.
 *
 * `flush` answers one result per item, in order. If it throws, every call of that batch rejects.
 */
export class Coalescer<I, R> {
  private readonly waiting = new Map<string, { item: I; resolve: (r: R) => void; reject: (e: unknown) => void }[]>();
  private readonly busy = new Set<string>();

  constructor(
    private readonly flush: (key: string, items: I[]) => Promise<R[]>,
    private readonly maxBatch = 50,
  ) {}

  run(key: string, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.waiting.get(key) ?? [];
      queue.push({ item, resolve, reject });
      this.waiting.set(key, queue);
      this.next(key);
    });
  }

  private next(key: string): void {
    if (this.busy.has(key)) return;
    const queue = this.waiting.get(key);
    if (!queue?.length) {
      this.waiting.delete(key);
      return;
    }
    const batch = queue.splice(0, this.maxBatch);
    this.busy.add(key);
    this.flush(
      key,
      batch.map((b) => b.item),
    )
      .then(
        (results) => batch.forEach((b, i) => b.resolve(results[i] as R)),
        (error: unknown) => batch.forEach((b) => b.reject(error)),
      )
      .finally(() => {
        this.busy.delete(key);
        this.next(key);
      });
  }
}
