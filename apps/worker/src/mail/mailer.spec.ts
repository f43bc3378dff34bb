import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Mailer } from './mailer';

describe('Mailer', () => {
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => callback());
      },
    });
    // The server's replies go at once too: only the client's Nagle is under test.
    (server as unknown as { server: import('node:net').Server }).server.on('connection', (socket) => socket.setNoDelay(true));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = ((server as unknown as { server: import('node:net').Server }).server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends over a connection with Nagle off: a message does not wait ~40 ms for a delayed ACK', async () => {
    const mailer = new Mailer(`smtp://127.0.0.1:${port}`, 'Candor <no-reply@candor.local>', {
      connections: 1,
      maxMessages: 100,
      timeoutMs: 5000,
    });
    const email = { subject: 'Hi', text: 'Hello', html: '<p>Hello</p>' };
    try {
      await mailer.send('ana@example.com', email, 'n-0', '<n-0@candor.local>');
      const start = Date.now();
      for (let i = 1; i <= 10; i++) await mailer.send('ana@example.com', email, `n-${i}`, `<n-${i}@candor.local>`);
      // With Nagle on, each message's last line waits for the server's delayed ACK: ~450 ms for ten.
      expect(Date.now() - start).toBeLessThan(300);
    } finally {
      mailer.close();
    }
  });
});
