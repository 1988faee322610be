/**
 * Real files of every kind, good and bad, made here with pdf-lib and fflate: what the inspection
 * accepts and, for everything else, which clear reason it gives.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { PDFDocument, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { AttachmentRules } from '../../app/modules/attachments/attachment-types';
import { sanitiseFileName } from '../../app/modules/attachments/file-name';
import { localFileStore } from '../../app/modules/attachments/file-store';
import { inspectFile } from '../../app/modules/attachments/inspect-file';
import { judgePdf } from '../../app/modules/attachments/judge-pdf';
import { inventedPdf } from '../factories/invented-pdf';
import { docx as officeDocx } from '../factories/office-files';

let dir: string;
const RULES: AttachmentRules = { allowedTypes: ['pdf', 'docx', 'odt', 'txt'], maxSizeMb: 10, maxCount: 3 };
const file = (name: string, bytes: Uint8Array | string) => {
  const p = path.join(dir, `${crypto.randomUUID()}-${name.replace(/[^\w.]/g, '_')}`);
  writeFileSync(p, bytes);
  return p;
};

async function pdf(build?: (doc: PDFDocument) => void) {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Input to the IMRF');
  build?.(doc);
  // A classic cross-reference table, so a test can edit the trailer as text.
  return doc.save({ useObjectStreams: false });
}

const docx = (extra: Record<string, Uint8Array> = {}) => officeDocx(extra, 'نص المساهمة');

const odt = () =>
  zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'),
    'META-INF/manifest.xml': strToU8('<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'),
  });

beforeAll(() => {
  dir = mkdtempSync(path.join(inject('dataDir'), 'attachments-'));
});

describe('attachment inspection', () => {
  it('accepts a PDF, a DOCX, an ODT and UTF-8 text, with their SHA-256', async () => {
    const cases: Array<[string, Uint8Array | string, string]> = [
      ['report.pdf', await pdf(), 'pdf'],
      ['تقرير.docx', docx(), 'docx'],
      ['notes.odt', odt(), 'odt'],
      ['ملاحظات.txt', 'سطر أول\nSecond line\t✓\n', 'txt'],
    ];
    for (const [name, bytes, type] of cases) {
      const p = file(name, bytes);
      const result = await inspectFile(p, name, RULES);
      expect(result, name).toMatchObject({ ok: true, type, name });
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await readFile(p)));
      expect(result.ok && result.sha256).toBe(Buffer.from(digest).toString('hex'));
    }
  });

  it('refuses files whose name, extension and content disagree, or that are not allowed', async () => {
    const cases: Array<[string, Uint8Array | string, string, string[]?]> = [
      ['report.docx', await pdf(), 'attachment.mismatch'],
      ['report.pdf', docx(), 'attachment.mismatch'],
      ['notes.txt', await pdf(), 'attachment.mismatch'],
      ['picture.pdf', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'attachment.mismatch'],
      ['script.exe', 'MZ', 'attachment.typeNotAllowed'],
      ['report', await pdf(), 'attachment.typeNotAllowed'],
      ['page.html', '<script>alert(1)</script>', 'attachment.typeNotAllowed'],
      ['report.pdf', await pdf(), 'attachment.typeNotAllowed', ['docx']],
      ['empty.txt', '', 'attachment.empty'],
      ['binary.txt', Buffer.from([0x68, 0x69, 0x00, 0x01]), 'attachment.unreadable'],
      ['latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'attachment.unreadable'],
    ];
    for (const [name, bytes, problem, types] of cases) {
      const rules = types ? { ...RULES, allowedTypes: types as never } : RULES;
      expect(await inspectFile(file(name, bytes), name, rules), name).toMatchObject({ ok: false, problem });
    }
    const big = file('big.txt', 'x'.repeat(1024 * 1024 + 1));
    expect(await inspectFile(big, 'big.txt', { ...RULES, maxSizeMb: 1 })).toMatchObject({ ok: false, problem: 'attachment.tooLarge' });
  });

  it('refuses zip bombs and path traversal inside office documents without inflating them', async () => {
    const bomb = docx({ 'word/media/zeros.bin': new Uint8Array(30 * 1024 * 1024) });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    expect(await inspectFile(file('bomb.docx', bomb), 'bomb.docx', RULES)).toMatchObject({ ok: false, problem: 'attachment.unsafeArchive' });
    const traversal = docx({ '../../etc/cron.d/evil': strToU8('* * * * * root id') });
    expect(await inspectFile(file('t.docx', traversal), 't.docx', RULES)).toMatchObject({ ok: false, problem: 'attachment.unsafeArchive' });
    const many = docx(Object.fromEntries(Array.from({ length: 2100 }, (_, i) => [`word/part${i}.xml`, strToU8('<x/>')])));
    expect(await inspectFile(file('many.docx', many), 'many.docx', RULES)).toMatchObject({ ok: false, problem: 'attachment.unsafeArchive' });
  });

  it('refuses encrypted, truncated and script-bearing PDFs', async () => {
    const good = await pdf();
    const truncated = good.slice(0, Math.floor(good.byteLength / 2));
    expect(await inspectFile(file('cut.pdf', truncated), 'cut.pdf', RULES)).toMatchObject({ ok: false, problem: 'attachment.unreadable' });
    const scripted = await pdf((doc) => {
      const action = doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(`app.alert('x')`) });
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action));
    });
    expect(await inspectFile(file('js.pdf', scripted), 'js.pdf', RULES)).toMatchObject({ ok: false, problem: 'attachment.activePdf' });
    // An encryption dictionary in the trailer is what every reader asks a password for.
    const text = Buffer.from(good).toString('latin1');
    const encrypted = text.replace(/trailer\s*<</, 'trailer\n<< /Encrypt << /Filter /Standard /V 1 /R 2 /O (x) /U (x) /P -4 >>');
    expect(encrypted).not.toBe(text);
    expect(await inspectFile(file('locked.pdf', Buffer.from(encrypted, 'latin1')), 'locked.pdf', RULES)).toMatchObject({ ok: false, problem: 'attachment.encryptedPdf' });
  });

  // The judgement itself, in this thread (the web process runs it in a pool's threads, which live long).
  it('forgets the names and references a PDF brought once it is judged, whatever the verdict, several at once', async () => {
    const plain = await pdf();
    const before = { names: PDFName.internedCount(), refs: PDFRef.internedCount() };
    const pools = () => ({ names: PDFName.internedCount(), refs: PDFRef.internedCount() });
    // Whatever else the process runs between its callbacks (a receipt rendered for a status page)
    // must never find an inspection half done: no timer or I/O callback may run inside one.
    const seenBetween: Array<{ names: number; refs: number }> = [];
    let sampling = true;
    const sample = () => {
      seenBetween.push(pools());
      if (sampling) setImmediate(sample);
    };
    sample();
    const tag = crypto.randomUUID().slice(0, 8);
    const verdicts = await Promise.all([
      judgePdf(file('names.pdf', inventedPdf(20_000, `Made${tag}x`))),
      judgePdf(file('names-js.pdf', inventedPdf(20_000, `Other${tag}x`, `/OpenAction << /S /JavaScript /JS (app.alert(1)) /Custom${tag} 1 >>`))),
      judgePdf(file('plain.pdf', plain)),
    ]);
    sampling = false;
    expect(verdicts).toEqual(['ok', 'script', 'ok']);
    // None of the 40,000 names and references stays; what pdf-lib knew before stays known.
    expect(pools()).toEqual(before);
    expect(seenBetween.length).toBeGreaterThan(2);
    expect(seenBetween.filter((p) => p.names !== before.names || p.refs !== before.refs)).toEqual([]);
    // And the next file is judged as before.
    expect(await judgePdf(file('again.pdf', inventedPdf(10, `Again${tag}x`, '/OpenAction << /S /Launch /F (calc.exe) >>')))).toBe('script');
    expect(pools()).toEqual(before);
  });

  it('keeps the client file name as harmless metadata', () => {
    expect(sanitiseFileName('C:\\Users\\amina\\تقرير.pdf')).toBe('تقرير.pdf');
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('report\u202Efdp.exe')).toBe('reportfdp.exe');
    expect(sanitiseFileName('.hidden')).toBe('hidden');
    expect(sanitiseFileName('نام\u200Cفایل.txt')).toBe('نام\u200Cفایل.txt');
    const long = sanitiseFileName(`${'a'.repeat(300)}.docx`);
    expect([...long]).toHaveLength(150);
    expect(long.endsWith('.docx')).toBe(true);
  });

  it('stores files under server-made keys and refuses any other key', async () => {
    const store = localFileStore(path.join(dir, 'store'));
    const key = await store.put(file('a.txt', 'hello'));
    expect(key).toMatch(/^[a-f0-9]{2}\/[a-f0-9]{32}$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await store.open(key)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('hello');
    await expect(store.open('../../etc/passwd')).rejects.toThrow();
    await store.remove(key);
  });
});
