/**
 * The one nodemailer transport factory, and the rule that tells a retryable SMTP failure from a
 * permanent one.
 */
import nodemailer from 'nodemailer';
import type { OutgoingMail } from '../app/modules/notifications/outgoing-mail';

export type Mailer = ReturnType<typeof createMailer>;

/**
 * Whatever `Mailer.send` throws: the delivery attempt itself failed (network, TLS, login or an SMTP
 * reply). Wrapping lets the job runner tell "the mail server said no / was unreachable" from a bug
 * or bad data in our own code, which are retried under different rules (workers/process-job.ts).
 */
export class SmtpSendError extends Error {
  override name = 'SmtpSendError';
  /** nodemailer's error code: EENVELOPE, EMESSAGE, EAUTH, ECONNECTION, ETIMEDOUT, ESOCKET… */
  readonly code?: string;
  /** The server's reply code, when the failure was a reply. */
  readonly responseCode?: number;
  /** The SMTP step that failed: 'RCPT TO', 'DATA', 'AUTH PLAIN', 'CONN'… */
  readonly command?: string;
  /**
   * Only codes are kept: the server's reply text and nodemailer's messages name the recipients,
   * and this error's message reaches logs, BullMQ's failedReason and the outbox's last error.
   */
  constructor(cause: unknown) {
    const e = (cause ?? {}) as { code?: unknown; responseCode?: unknown; command?: unknown; message?: unknown };
    const code = typeof e.code === 'string' ? e.code : undefined;
    const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
    const command = typeof e.command === 'string' ? e.command.replace(/[^A-Z ]/g, '').slice(0, 20) : undefined;
    // A network failure's system code (ECONNREFUSED, ETIMEDOUT…) says what went wrong and names nobody.
    const system = responseCode === undefined && typeof e.message === 'string' ? /\bE[A-Z]{4,}\b/.exec(e.message)?.[0] : undefined;
    const codes = [code, responseCode, system !== code ? system : undefined].filter((v) => v !== undefined);
    super(`SMTP send failed${command ? ` at ${command}` : ''}: ${codes.join(' ') || 'no code'}`);
    this.code = code;
    this.responseCode = responseCode;
    this.command = command;
  }
}

export function createMailer(smtpUrl: string, from: string) {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    // nodemailer waits 2 min to connect and 10 min on a silent socket by default: far too long
    // for a queue that should retry elsewhere soon.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    // Connections are kept and reused: a new one per message (TCP, greeting, EHLO, often TLS)
    // cost more than the message itself, and on deadline day the acknowledgements fell behind.
    // Eight at once is as many as a relay commonly allows one client.
    pool: true,
    maxConnections: 8,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    /** Sends with a caller-chosen Message-ID, so a resend after a crash is the same message. */
    async send(mail: OutgoingMail, messageId: string): Promise<string> {
      try {
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
      } catch (error) {
        throw new SmtpSendError(error);
      }
    },
    close: () => transport.close(),
  };
}

/** The steps where a 5xx is about this message or recipient, not about our server or account. */
const MESSAGE_COMMANDS = new Set(['RCPT TO', 'DATA']);

/**
 * Permanent means the receiving side refused this message for good: a 5xx to RCPT TO or DATA, or
 * an envelope error (EENVELOPE) answered with a 5xx at no other step (a 5xx to MAIL FROM is ours). Retrying would not help and could annoy.
 * Everything else is transient and retried: a 4xx, a refused or dropped connection, a timeout, and
 * a failed login (even "535": a wrong password or a locked account is ours to fix, and every message
 * would be lost meanwhile), as is a 5xx greeting (a server in maintenance mode says that too).
 */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const { code, responseCode, command } = (error ?? {}) as { code?: unknown; responseCode?: unknown; command?: unknown };
  // nodemailer's own envelope check (no valid recipient left, e.g. an erased address) never
  // reaches a server and can never succeed on a retry.
  if (code === 'EENVELOPE' && responseCode === undefined) return true;
  if (typeof responseCode !== 'number' || responseCode < 500 || responseCode > 599) return false;
  // A refused MAIL FROM is about our sender settings: every message would fail alike until fixed.
  if (typeof command === 'string') return MESSAGE_COMMANDS.has(command);
  return code === 'EENVELOPE';
}
