import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Client } from 'pg';
import { EmailRenderer } from '@candor/email-templates';

/** The reference's pool: enough connections and messages in flight that the sink, not the client, sets the pace. */
export const REFERENCE_POOL = { connections: 10, inFlight: 50 };

const wallClock = () => performance.timeOrigin + performance.now();

/** The rendered email the reference sends (the burst's notification, rendered once). */
export type RenderedEmail = { to: string; subject: string; text: string; html: string };

/** The burst's notification `notificationId`, rendered as the worker renders it. */
export async function renderNotification(owner: Client, notificationId: string): Promise<RenderedEmail> {
  const { rows } = await owner.query<{ template: string; locale: string; recipient_email: string; payload: Record<string, unknown> }>(
    `SELECT template, locale, recipient_email, payload FROM notifications WHERE id = $1`,
    [notificationId],
  );
  const n = rows[0]!;
  const email = (await EmailRenderer.create()).render(n.template, n.locale, n.payload);
  return { to: n.recipient_email, subject: email.subject, text: email.text, html: email.html };
}

/**
 * nodemailer alone at its real speed: `email` sent `count` times straight to the
 * sink through one pool of connections kept open (the transport options as an object: nodemailer
 * reads a second argument as message defaults, so `{ pool: true }` there means a connection per
 * message) with Nagle off (the message's last line would wait ~40 ms for a delayed ACK).
 * Returns the seconds from the first send to the last acceptance.
 */
export async function nodemailerReference(sinkPort: number, email: RenderedEmail, count: number): Promise<number> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: sinkPort,
    pool: true,
    maxConnections: REFERENCE_POOL.connections,
    maxMessages: Infinity,
    // Connected here: nodemailer's pool ignores an unconnected `{ socket }` and opens its own, Nagle on.
    getSocket: (_options: unknown, done: (error: Error | null, socket?: { connection: Socket }) => void) => {
      const socket = connect({ host: '127.0.0.1', port: sinkPort, noDelay: true });
      socket.once('error', (error) => done(error));
      socket.once('connect', () => done(null, { connection: socket }));
    },
  } as never);
  const start = wallClock();
  let sent = 0;
  const lane = async () => {
    while (sent < count) {
      sent += 1;
      const id = randomUUID();
      await transport.sendMail({
        from: 'Candor <no-reply@candor.local>',
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: `<${id}@candor.notifications>`,
        headers: { 'X-Candor-Notification': id },
      });
    }
  };
  await Promise.all(Array.from({ length: REFERENCE_POOL.inFlight }, lane));
  const seconds = (wallClock() - start) / 1000;
  transport.close();
  return seconds;
}
