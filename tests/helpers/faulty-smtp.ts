/**
 * A real SMTP server (smtp-server) whose answer the test chooses, and can change while it runs:
 * accept, or fail at one SMTP step with a given reply code. Messages it accepts are kept in memory.
 * Also gives the address of a port nothing listens on yet, for "connection refused" followed by
 * "the server is back" (call `listen()` later).
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { freePort } from '../../scripts/services/ports';

export type SmtpBehaviour =
  | { accept: true }
  | { failAt: SmtpStep; code: number; text?: string };
type SmtpStep = 'greeting' | 'auth' | 'mail' | 'rcpt' | 'data';

export const ACCEPT: SmtpBehaviour = { accept: true };

function reply(b: SmtpBehaviour, step: SmtpStep): Error | null {
  if ('accept' in b || b.failAt !== step) return null;
  return Object.assign(new Error(b.text ?? `Test server refuses at ${step}`), { responseCode: b.code });
}

export async function faultySmtp(initial: SmtpBehaviour) {
  let behaviour = initial;
  const received: ParsedMail[] = [];
  /** One entry per SMTP session opened. */
  const sessions: string[] = [];
  /** One entry per message begun (MAIL FROM): delivery attempts, also on a reused connection. */
  const attempts: string[] = [];
  const server = new SMTPServer({
    // Plain-text login on loopback, so the "login refused" case can be exercised.
    allowInsecureAuth: true,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(session, callback) {
      sessions.push(session.id);
      callback(reply(behaviour, 'greeting'));
    },
    onAuth(auth, _session, callback) {
      const err = reply(behaviour, 'auth');
      if (err) callback(err);
      else callback(null, { user: auth.username });
    },
    onMailFrom(_address, session, callback) {
      attempts.push(session.id);
      callback(reply(behaviour, 'mail'));
    },
    onRcptTo(_address, _session, callback) {
      callback(reply(behaviour, 'rcpt'));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const err = reply(behaviour, 'data');
        if (err) return callback(err);
        simpleParser(Buffer.concat(chunks)).then((mail) => {
          received.push(mail);
          callback();
        }, callback);
      });
    },
  });
  const port = await freePort();
  let listening = false;
  return {
    /** With credentials, so nodemailer logs in (and the "auth" failure can happen). */
    url: `smtp://portal:secret@127.0.0.1:${port}`,
    received,
    sessions,
    attempts,
    set(next: SmtpBehaviour) {
      behaviour = next;
    },
    async listen() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
      });
      listening = true;
    },
    async stop() {
      if (listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
