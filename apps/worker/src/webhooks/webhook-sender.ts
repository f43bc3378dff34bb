import type { LookupAddress, LookupOptions } from 'node:dns';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { checkWebhookUrl, WebhookUrlRefused, type ResolvedAddress, type WebhookUrlPolicy } from '@candor/domain-node';
import type { AttemptResult } from './webhook-ledger';

/** The answer's body kept in the delivery log: at most this many bytes. */
const LOGGED_BODY_BYTES = 1024;

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` that answers only the addresses already checked: the connection cannot go anywhere else. */
function pinnedLookup(addresses: ResolvedAddress[]) {
  return (_hostname: string, options: LookupOptions, callback: LookupCallback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
}

/**
 * The first KiB of the answer's body, for the log. The status line has already decided the attempt: a body
 * cut short (by the timeout, a reset) only shortens the log; it never turns a 2xx into a failure (and a retry).
 */
async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= LOGGED_BODY_BYTES) break;
    }
  } catch {
    // What came before the cut is kept.
  } finally {
    body.destroy();
  }
  return Buffer.concat(chunks).subarray(0, LOGGED_BODY_BYTES).toString('utf8').slice(0, LOGGED_BODY_BYTES);
}

/** `work`, or the signal's reason once it aborts first. */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      reject(signal.reason as Error);
    };
    if (signal.aborted) {
      abort();
      return;
    }
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * POSTs one signed webhook: the URL is checked again (a name may resolve elsewhere since it was
 * registered) and the connection pinned to the checked addresses; redirects are not followed (a 3xx
 * is a failed attempt); the whole attempt, the address check (DNS) included, is bounded by the timeout,
 * so it ends within the claim's lease (at least 3 x the timeout), before the row could be claimed again.
 */
export class WebhookSender {
  constructor(
    private readonly policy: WebhookUrlPolicy,
    private readonly timeoutMs: number,
  ) {}

  async post(rawUrl: string, headers: Record<string, string>, body: string): Promise<AttemptResult> {
    const started = performance.now();
    const failed = (error: string, responseStatus: number | null = null, responseBody: string | null = null): AttemptResult => ({
      succeeded: false,
      responseStatus,
      durationMs: performance.now() - started,
      responseBody,
      error,
    });
    const signal = AbortSignal.timeout(this.timeoutMs);
    let addresses: ResolvedAddress[];
    let url: URL;
    try {
      ({ url, addresses } = await unlessAborted(checkWebhookUrl(rawUrl, this.policy), signal));
    } catch (error) {
      if (error instanceof WebhookUrlRefused) return failed(`refused: ${error.message}`);
      return failed(signal.aborted ? `the address was not resolved within ${this.timeoutMs} ms` : String(error));
    }
    const agent = new Agent({ connect: { lookup: pinnedLookup(addresses), timeout: this.timeoutMs } });
    try {
      const response = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Candor-Webhooks/1', ...headers },
        body,
        dispatcher: agent,
        signal,
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      });
      const text = await readCapped(response.body);
      const status = response.statusCode;
      if (status >= 200 && status < 300) {
        return { succeeded: true, responseStatus: status, durationMs: performance.now() - started, responseBody: text, error: null };
      }
      return failed(
        status >= 300 && status < 400 ? `redirect to ${String(response.headers['location'])} not followed` : `answered ${status}`,
        status,
        text,
      );
    } catch (error) {
      const e = error as { name?: string; code?: string; message?: string };
      const timedOut = e.name === 'TimeoutError' || e.code === 'UND_ERR_HEADERS_TIMEOUT' || e.code === 'UND_ERR_BODY_TIMEOUT';
      return failed(
        timedOut ? `no answer within ${this.timeoutMs} ms` : [e.code, e.message].filter(Boolean).join(': ') || 'request failed',
      );
    } finally {
      void agent.destroy().catch(() => undefined);
    }
  }
}
