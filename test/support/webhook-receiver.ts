import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got. */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/**
 * How a path answers its n-th request (0-based): a status and body, a redirect, no answer for `hangMs`, or the
 * status and body at once but the end of the body only after `trickleMs`.
 */
export type Behaviour = (n: number) => { status: number; body?: string; location?: string; hangMs?: number; trickleMs?: number };

const ANSWER_OK: Behaviour = () => ({ status: 200, body: 'ok' });

/**
 * A local HTTP server standing in for a customer's webhook endpoint: it records every request by
 * path and answers as the test tells it (200 by default).
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  private readonly behaviours = new Map<string, Behaviour>();
  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    let receiver: WebhookReceiver | null = null;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        const n = receiver!.received.filter((r) => r.path === path).length;
        receiver!.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
        const answer = (receiver!.behaviours.get(path) ?? ANSWER_OK)(n);
        const send = () => {
          if (res.destroyed) return;
          res.writeHead(answer.status, answer.location ? { location: answer.location } : {});
          if (answer.trickleMs) {
            res.write(answer.body ?? '');
            setTimeout(() => res.end(), answer.trickleMs);
          } else res.end(answer.body ?? '');
        };
        if (answer.hangMs) setTimeout(send, answer.hangMs);
        else send();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiver = new WebhookReceiver(server);
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  on(path: string, behaviour: Behaviour): void {
    this.behaviours.set(path, behaviour);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** Polls `probe` until it answers something truthy, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => T | Promise<T>, timeoutMs = 15_000, what = 'the condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
