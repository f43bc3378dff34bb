/**
 * A tiny SMTP sink in its own process: accepts every message and notes, per message, the
 * X-Candor-Notification header and the wall-clock time the message was accepted (end of DATA).
 * The benchmark asks for the notes over IPC.
 */
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';

const accepted: { id: string | null; at: number }[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  disableReverseLookup: true,
  logger: false,
  size: 10 * 1024 * 1024,
  onData(stream, _session, callback) {
    let head = '';
    let done = false;
    stream.on('data', (chunk: Buffer) => {
      if (done) return;
      head += chunk.toString('utf8');
      if (head.includes('\r\n\r\n') || head.length > 64 * 1024) done = true;
    });
    stream.on('end', () => {
      const id = /^X-Candor-Notification:\s*([0-9a-f-]{36})/im.exec(head)?.[1] ?? null;
      accepted.push({ id, at: performance.timeOrigin + performance.now() });
      callback();
    });
  },
});

// Replies are small writes: without TCP_NODELAY, Nagle and the client's delayed ACK add ~40 ms per command.
(server as unknown as { server: import('node:net').Server }).server.on('connection', (socket) => socket.setNoDelay(true));
server.listen(Number(process.env['PORT']), '127.0.0.1', () => process.send?.({ type: 'listening' }));
process.on('message', (message: { type?: string }) => {
  if (message?.type === 'count') process.send?.({ type: 'count', count: accepted.length });
  if (message?.type === 'log') process.send?.({ type: 'log', accepted });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
