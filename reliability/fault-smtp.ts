/**
 * The mail server of a reliability run: a real SMTP server (smtp-server) behind a TCP front whose
 * behaviour the run changes while the portal sends to it:
 * - `accept`: every message is taken and kept (with its Message-ID) for reconciliation;
 * - `down`: nothing listens (connection refused);
 * - `silent`: connections are accepted and never greeted (the sender must time out);
 * - `tempfail` / `permfail`: recipients refused with 451 / 550.
 */
import net from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../scripts/services/ports';

export type SmtpMode = 'accept' | 'down' | 'silent' | 'tempfail' | 'permfail';

export interface ReceivedMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  receivedAt: number;
}

export interface FaultSmtp {
  url: string;
  received: ReceivedMail[];
  mode(): SmtpMode;
  setMode(mode: SmtpMode): Promise<void>;
  onMail(listener: (mail: ReceivedMail) => void): void;
  stop(): Promise<void>;
}

export async function startFaultSmtp(): Promise<FaultSmtp> {
  let mode: SmtpMode = 'accept';
  const received: ReceivedMail[] = [];
  const listeners: Array<(mail: ReceivedMail) => void> = [];
  const inner = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: 50 * 1024 * 1024,
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (mode === 'tempfail') return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      if (mode === 'permfail') return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((parsed) => {
        const to = [parsed.to].flat().flatMap((a) => a?.value.map((v) => v.address ?? '') ?? []).join(',');
        const mail = { messageId: parsed.messageId ?? '', to, subject: parsed.subject ?? '', text: parsed.text ?? '', receivedAt: Date.now() };
        received.push(mail);
        callback();
        for (const listener of listeners) listener(mail);
      }, callback);
    },
  });
  // The front end cuts connections on purpose (down, silent): the inner server then sees resets,
  // which must end that connection, not the run.
  inner.on('error', () => {});
  const innerPort = await freePort();
  await new Promise<void>((resolve) => inner.listen(innerPort, '127.0.0.1', resolve));

  const port = await freePort();
  const sockets = new Set<net.Socket>();
  const front = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (mode === 'silent') return; // accepted, never greeted
    const upstream = net.connect(innerPort, '127.0.0.1');
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  let listening = false;
  const listen = () => new Promise<void>((resolve) => front.listen(port, '127.0.0.1', () => { listening = true; resolve(); }));
  const close = async () => {
    if (!listening) return;
    listening = false;
    const closed = new Promise<void>((resolve) => front.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  await listen();

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    mode: () => mode,
    async setMode(next) {
      if (next === 'down') await close();
      else if (!listening) await listen();
      // Connections held silent end when the mode changes, as a restarted server would end them.
      if (mode === 'silent' && next !== 'silent') for (const socket of sockets) socket.destroy();
      mode = next;
    },
    onMail: (listener) => void listeners.push(listener),
    async stop() {
      await close();
      await new Promise<void>((resolve) => inner.close(() => resolve()));
    },
  };
}
