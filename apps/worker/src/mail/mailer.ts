import nodemailer, { type Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import type { RenderedEmail } from '@candor/email-templates';

/** Who an email is from as its reader sees it: the agency's sender name, and where a reply goes. */
export interface Sender {
  name: string | null;
  replyTo: string | null;
}

/** SMTP delivery with a Message-ID fixed by the caller, so a copy sent twice is recognisable. */
export class Mailer {
  private readonly transport: Transporter;
  /** The configured sender's address: the agency's name goes in front of it, never another domain's address. */
  private readonly fromAddress: string;

  /**
   * One pooled SMTP connection per concurrent send, so sends overlap instead of queueing for a
   * connection; every wait on the server (connect, greeting, each reply) is bounded by `timeoutMs`.
   */
  constructor(
    smtpUrl: string,
    private readonly from: string,
    connections = 5,
    timeoutMs = 60_000,
  ) {
    this.fromAddress = addressparser(from, { flatten: true })[0]?.address ?? from;
    this.transport = nodemailer.createTransport(smtpUrl, {
      pool: true,
      maxConnections: connections,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    } as never);
  }

  async send(to: string, email: RenderedEmail, notificationId: string, messageId: string, sender?: Sender): Promise<void> {
    await this.transport.sendMail({
      from: sender?.name ? { name: sender.name, address: this.fromAddress } : this.from,
      ...(sender?.replyTo && { replyTo: sender.replyTo }),
      to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId,
      headers: { ...email.headers, 'X-Candor-Notification': notificationId },
    });
  }

  close(): void {
    this.transport.close();
  }
}
