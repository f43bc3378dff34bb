import nodemailer, { type Transporter } from 'nodemailer';
import type { RenderedEmail } from '@candor/email-templates';

/** SMTP delivery; the Message-ID is derived from the notification id so a resend is recognisable. */
export class Mailer {
  private readonly transport: Transporter;

  constructor(smtpUrl: string, private readonly from: string) {
    this.transport = nodemailer.createTransport(smtpUrl, { pool: true, maxConnections: 5 } as never);
  }

  async send(to: string, email: RenderedEmail, notificationId: string): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: `<${notificationId}@candor.notifications>`,
      headers: { 'X-Candor-Notification': notificationId },
    });
  }

  close(): void {
    this.transport.close();
  }
}
