import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { coalesceWrites } from './coalesced-writes';

/** How a socket hands its buffered data to the kernel: one chunk (`_write`) or several at once (`_writev`). */
type Internals = { _write: (...args: unknown[]) => void; _writev: (...args: unknown[]) => void };

describe('coalesceWrites', () => {
  let server: Server;
  let received: Promise<string>;
  let socket: Socket;

  beforeEach(async () => {
    server = createServer();
    received = new Promise((resolve) =>
      server.once('connection', (peer) => {
        let text = '';
        peer.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        peer.on('end', () => resolve(text));
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    socket = connect({ host: '127.0.0.1', port: (server.address() as AddressInfo).port });
    await new Promise((resolve) => socket.once('connect', resolve));
  });
  afterEach(() => {
    socket.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const countSystemWrites = (target: Socket) => {
    const internals = target as unknown as Internals;
    const calls = { single: 0, batched: 0 };
    const single = internals._write.bind(target);
    const batched = internals._writev.bind(target);
    internals._write = (...args) => {
      calls.single += 1;
      single(...args);
    };
    internals._writev = (...args) => {
      calls.batched += 1;
      batched(...args);
    };
    return calls;
  };

  it('sends the writes of one turn of the event loop in one system call, in order', async () => {
    const calls = countSystemWrites(coalesceWrites(socket));
    socket.write('MAIL FROM:<a@b.test>\r\n');
    socket.write('RCPT TO:<c@d.test>\r\n');
    socket.write(Buffer.from('DATA\r\n'));
    expect(calls).toEqual({ single: 0, batched: 0 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual({ single: 0, batched: 1 });
    socket.end();
    expect(await received).toBe('MAIL FROM:<a@b.test>\r\nRCPT TO:<c@d.test>\r\nDATA\r\n');
  });

  it('sends the writes of later turns in calls of their own, and end() flushes what is pending', async () => {
    const calls = countSystemWrites(coalesceWrites(socket));
    socket.write('one\r\n');
    await new Promise((resolve) => setImmediate(resolve));
    socket.write('two\r\n');
    await new Promise((resolve) => setImmediate(resolve));
    socket.write('three\r\n');
    socket.end('.\r\n');
    expect(await received).toBe('one\r\ntwo\r\nthree\r\n.\r\n');
    expect(calls.single + calls.batched).toBe(3);
  });

  it('leaves a plain socket writing each chunk at once (what the wrapper changes)', async () => {
    const calls = countSystemWrites(socket);
    socket.write('MAIL FROM:<a@b.test>\r\n');
    socket.write('RCPT TO:<c@d.test>\r\n');
    expect(calls.single + calls.batched).toBeGreaterThanOrEqual(1);
    socket.end();
    await received;
  });
});
