import { SMTPServer } from 'smtp-server';
import { freePort } from './ports';

export interface RefusingSmtp {
  url: string;
  close(): Promise<void>;
}

/**
 * An SMTP server that refuses every recipient with a permanent 550, as a receiving server does for
 * an address that does not exist. Mail to it never arrives anywhere.
 */
export async function startRefusingSmtp(): Promise<RefusingSmtp> {
  const port = await freePort();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
