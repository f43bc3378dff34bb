/** The slice of autocannon the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';
  namespace autocannon {
    type Options = Record<string, unknown>;
    interface Result {
      duration: number;
      timeouts: number;
      errors: number;
      non2xx: number;
    }
    type Instance = EventEmitter & PromiseLike<Result>;
  }
  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
