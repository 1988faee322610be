/**
 * Reads the capture mailbox (one .eml per message, written by scripts/services/mail-capture.ts).
 * Used by the development mail viewer and by tests; never by production code paths.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface CapturedMailSummary {
  id: string;
  receivedAt: Date;
}

const MAIL_FILE = /^(\d{15})-[0-9a-f-]{36}\.eml$/;

/** Newest first. */
export async function listCapturedMail(dir: string): Promise<CapturedMailSummary[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => MAIL_FILE.test(n))
    .sort()
    .reverse()
    .map((n) => ({ id: n.slice(0, -4), receivedAt: new Date(Number(n.slice(0, 15))) }));
}

/** Parses one message; the id is validated so it can never name a path outside the mailbox. */
export async function readCapturedMail(dir: string, id: string): Promise<ParsedMail | null> {
  if (!MAIL_FILE.test(`${id}.eml`)) return null;
  try {
    return await simpleParser(await readFile(path.join(dir, `${id}.eml`)));
  } catch {
    return null;
  }
}

/** Every parsed message, newest first. */
export async function readAllCapturedMail(dir: string): Promise<Array<ParsedMail & { id: string }>> {
  const list = await listCapturedMail(dir);
  const out: Array<ParsedMail & { id: string }> = [];
  for (const m of list) {
    const parsed = await readCapturedMail(dir, m.id);
    if (parsed) out.push(Object.assign(parsed, { id: m.id }));
  }
  return out;
}
