import nodemailer from 'nodemailer';
import type { Mailer } from './outbox.ts';

/** The SMTP mailer for LIAISON_SMTP_URL (smtp://user:pass@host:port, smtps:// for TLS). */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}
