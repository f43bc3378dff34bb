import nodemailer, { type Transporter } from 'nodemailer';
import type { RenderedEmail } from '@candor/email-templates';

/** SMTP delivery; the Message-ID is derived from the notification id so a resend is recognisable. */
export class Mailer {
  private readonly transport: Transporter;

  /** One pooled SMTP connection per concurrent send, so sends overlap instead of queueing for a connection. */
  constructor(
    smtpUrl: string,
    private readonly from: string,
    connections = 5,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl, { pool: true, maxConnections: connections } as never);
  }

  async send(to: string, email: RenderedEmail, notificationId: string): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: `<${notificationId}@candor.notifications>`,
      headers: { ...email.headers, 'X-Candor-Notification': notificationId },
    });
  }

  close(): void {
    this.transport.close();
  }
}
