/**
 * The one nodemailer transport factory, and the rule that tells a retryable SMTP failure from a
 * permanent one.
 */
import nodemailer from 'nodemailer';
import type { OutgoingMail } from '../app/modules/notifications/outgoing-mail';

export type Mailer = ReturnType<typeof createMailer>;

export function createMailer(smtpUrl: string, from: string) {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    // nodemailer waits 2 min to connect and 10 min on a silent socket by default: far too long
    // for a queue that should retry elsewhere soon.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    /** Sends with a caller-chosen Message-ID, so a resend after a crash is the same message. */
    async send(mail: OutgoingMail, messageId: string): Promise<string> {
      const info = await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId,
        headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated' },
        attachments: mail.attachments,
      });
      return String(info.response ?? '250');
    },
    close: () => transport.close(),
  };
}

/** 5xx replies are final (bad address, policy): retrying would not help and could annoy. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
