/** A message ready for SMTP, built by the mail builders below and sent by workers/mailer.ts. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  language: string;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
}
