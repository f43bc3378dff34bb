import nodemailer, { type Transporter } from 'nodemailer';
import type { RenderedEmail } from '@candor/email-templates';

/** SMTP delivery with a Message-ID fixed by the caller, so a copy sent twice is recognisable. */
export class Mailer {
  private readonly transport: Transporter;

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
    this.transport = nodemailer.createTransport(smtpUrl, {
      pool: true,
      maxConnections: connections,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    } as never);
  }

  async send(to: string, email: RenderedEmail, notificationId: string, messageId: string): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
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
