import type { Socket } from 'node:net';

/**
 * Makes every write to `socket` within one turn of the event loop go out as one system call.
 *
 * nodemailer pipes a message through its encoders to the socket chunk by chunk: headers, each MIME part, each
 * quoted-printable slice, the closing dot. Every chunk used to be a `write(2)` of its own, ~14 an email, each a
 * TCP segment and a wake-up of the receiving server; in a profile of a burst under load, a fifth of the worker's
 * time was spent inside those calls. Corked on the first write and uncorked once the turn's I/O callbacks have
 * run (setImmediate), they leave as one `writev(2)`: ~6 an email, one per SMTP command the server must answer
 * before the next. Nothing waits longer than the current turn of the loop.
 */
export function coalesceWrites(socket: Socket): Socket {
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  socket.write = (...args: unknown[]) => {
    if (!corked) {
      corked = true;
      socket.cork();
      setImmediate(uncork);
    }
    return write(...args);
  };
  return socket;
}
