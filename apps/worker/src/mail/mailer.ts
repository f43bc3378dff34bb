import { connect, type Socket } from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import type { RenderedEmail } from '@candor/email-templates';
import { coalesceWrites } from './coalesced-writes';
import { encodedBody } from './transfer-encoding';

/** Who an email is from as its reader sees it: the agency's sender name, and where a reply goes. */
export interface Sender {
  name: string | null;
  replyTo: string | null;
}

/** The SMTP pool: how many connections, how many messages each carries before it is renewed, the bound on every wait. */
export interface MailerPool {
  connections: number;
  maxMessages: number;
  timeoutMs: number;
}

/**
 * A plain-TCP connection with Nagle's algorithm off, handed to nodemailer connected. The message's
 * last line ("." alone) is a small write after a large one: with Nagle on it waits for the server's
 * delayed ACK, ~40 ms per message (a connection then carries ~22 messages/s). nodemailer's pool
 * ignores an unconnected `{ socket }` from getSocket (it copies the answer only when it holds a
 * `connection`) and opens its own socket, Nagle on; so the connection is opened here. Its writes of one turn of
 * the event loop go out together (coalesceWrites).
 */
function eagerConnection(timeoutMs: number) {
  return (options: { host?: string; port?: number }, callback: (error: Error | null, socket?: { connection: Socket }) => void): void => {
    // nodemailer's own defaults for plain SMTP.
    const host = options.host ?? 'localhost';
    const port = Number(options.port) || 587;
    const socket = coalesceWrites(connect({ host, port, noDelay: true, timeout: timeoutMs }));
    const fail = (error: Error) => {
      socket.destroy();
      callback(error);
    };
    socket.once('error', fail);
    socket.once('timeout', () => fail(new Error(`SMTP connection to ${host}:${port} timed out`)));
    socket.once('connect', () => {
      socket.removeListener('error', fail);
      socket.removeAllListeners('timeout');
      socket.setTimeout(0);
      callback(null, { connection: socket });
    });
  };
}

/** SMTP delivery with a Message-ID fixed by the caller, so a copy sent twice is recognisable. */
export class Mailer {
  private readonly transport: Transporter;
  /** The configured sender's address: the agency's name goes in front of it, never another domain's address. */
  private readonly fromAddress: string;

  /**
   * A pool of SMTP connections kept open across messages, one per concurrent send, so sends overlap
   * instead of queueing for a connection; every wait on the server (connect, greeting, each reply)
   * is bounded by `timeoutMs`. Options in the URL's query (`?maxConnections=...`) win.
   */
  constructor(
    smtpUrl: string,
    private readonly from: string,
    pool: MailerPool = { connections: 5, maxMessages: 1000, timeoutMs: 60_000 },
  ) {
    this.fromAddress = addressparser(from, { flatten: true })[0]?.address ?? from;
    // The URL goes in as options, not as a string: nodemailer takes a second argument as message
    // defaults, so `pool` there would be ignored (a new connection for every message).
    const url = parseConnectionUrl(smtpUrl);
    this.transport = nodemailer.createTransport({
      pool: true,
      maxConnections: pool.connections,
      maxMessages: pool.maxMessages,
      connectionTimeout: pool.timeoutMs,
      greetingTimeout: pool.timeoutMs,
      socketTimeout: pool.timeoutMs,
      // smtps:// upgrades the socket nodemailer opens itself; only plain SMTP takes ours.
      ...(url.secure ? {} : { getSocket: eagerConnection(pool.timeoutMs) }),
      ...url,
    } as never);
  }

  async send(to: string, email: RenderedEmail, notificationId: string, messageId: string, sender?: Sender): Promise<void> {
    await this.transport.sendMail({
      from: sender?.name ? { name: sender.name, address: this.fromAddress } : this.from,
      ...(sender?.replyTo && { replyTo: sender.replyTo }),
      to,
      subject: email.subject,
      text: encodedBody(email.text),
      html: encodedBody(email.html),
      messageId,
      headers: { ...email.headers, 'X-Candor-Notification': notificationId },
    });
  }

  close(): void {
    this.transport.close();
  }
}
