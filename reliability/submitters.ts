/**
 * The people behind the load: each reads the e-mail asking them to confirm their address and
 * confirms it on their status page, a moment later, as a person would. Only then does the portal
 * owe them the acknowledgement with the receipt, which the reconciler looks for.
 */
import type { FaultSmtp, ReceivedMail } from './fault-smtp';

export interface Confirmation {
  email: string;
  status: number;
  attempts: number;
}

const STATUS_LINK = /https?:\/\/[^\s<>"]+\/status\/[A-Za-z0-9_-]+/;
const MAX_ATTEMPTS = 15;
const RETRY_PAUSE_MS = 2_000;

export function startSubmitters(smtp: FaultSmtp, isOurs: (address: string) => boolean) {
  const confirmations = new Map<string, Confirmation>();
  const pending = new Set<Promise<void>>();
  smtp.onMail((mail) => {
    if (!mail.messageId.startsWith('<confirm-email.') || !isOurs(mail.to)) return;
    // A resent confirmation e-mail (same Message-ID) is read once.
    if (confirmations.has(mail.to)) return;
    const job = confirm(mail).finally(() => pending.delete(job));
    pending.add(job);
  });

  async function confirm(mail: ReceivedMail): Promise<void> {
    const link = STATUS_LINK.exec(mail.text)?.[0];
    const record: Confirmation = { email: mail.to, status: 0, attempts: 0 };
    confirmations.set(mail.to, record);
    if (!link) return;
    await new Promise((r) => setTimeout(r, 300 + Math.random() * 1200));
    while (record.attempts < MAX_ATTEMPTS) {
      record.attempts++;
      try {
        const res = await fetch(link, {
          method: 'POST',
          redirect: 'manual',
          headers: { Origin: new URL(link).origin, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ intent: 'confirm' }),
          signal: AbortSignal.timeout(30_000),
        });
        await res.arrayBuffer();
        record.status = res.status;
        if (res.status === 302) return;
      } catch {
        record.status = 0;
      }
      await new Promise((r) => setTimeout(r, RETRY_PAUSE_MS));
    }
  }

  return {
    confirmations,
    /** Resolves when every confirmation started so far has ended. */
    async settle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
