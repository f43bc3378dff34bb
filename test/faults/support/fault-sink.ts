import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import { freePort } from '../../support/ports';

export interface SinkMessage {
  messageId: string;
  to: string[];
  at: number;
}

/**
 * An SMTP server the fault tests can make misbehave: it stalls before answering each message (so
 * sends are in flight when something dies), answers 451 to every recipient while `temporaryFailure`
 * is on (and always to the recipients `defers` names), and 550 to the recipients `rejects` names. A message counts as delivered when the sink
 * answers 250 on a connection that is still open: a sender that died during the stall never saw the
 * 250, so it will (rightly) send again, while one that died after it produces a true duplicate.
 */
export class FaultSink {
  readonly messages: SinkMessage[] = [];
  /** RCPT TO commands seen per address: one per real attempt. */
  readonly rcptAttempts = new Map<string, number>();
  temporaryFailure = false;
  stallMs: number;
  private readonly closedSessions = new Set<string>();
  private server: SMTPServer | null = null;
  port = 0;

  private readonly rejects: (address: string) => boolean;
  private readonly defers: (address: string) => boolean;

  /** `rejects`: recipients answered 550; `defers`: recipients answered 451 whatever `temporaryFailure` says. */
  constructor(options: { stallMs?: number; rejects?: (address: string) => boolean; defers?: (address: string) => boolean } = {}) {
    this.stallMs = options.stallMs ?? 0;
    this.rejects = options.rejects ?? (() => false);
    this.defers = options.defers ?? (() => false);
  }

  async start(port?: number): Promise<number> {
    this.port = port ?? (await freePort());
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        const to = address.address.toLowerCase();
        this.rcptAttempts.set(to, (this.rcptAttempts.get(to) ?? 0) + 1);
        if (this.temporaryFailure || this.defers(to))
          return callback(Object.assign(new Error('4.3.0 Mailbox temporarily unavailable, try again later'), { responseCode: 451 }));
        if (this.rejects(to))
          return callback(Object.assign(new Error(`5.1.1 <${to}>: Recipient address rejected: User unknown`), { responseCode: 550 }));
        callback();
      },
      onData: (stream, session: SMTPServerSession, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const head =
            Buffer.concat(chunks)
              .toString('utf8')
              .split(/\r?\n\r?\n/)[0] ?? '';
          const messageId = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? '';
          const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          setTimeout(() => {
            if (!this.closedSessions.has(session.id)) this.messages.push({ messageId, to, at: Date.now() });
            callback();
          }, this.stallMs);
        });
      },
      onClose: (session) => {
        this.closedSessions.add(session.id);
      },
    });
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    return this.port;
  }

  /** How many times each Message-ID arrived. */
  copies(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { messageId } of this.messages) counts.set(messageId, (counts.get(messageId) ?? 0) + 1);
    return counts;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
