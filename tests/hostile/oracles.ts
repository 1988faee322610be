/**
 * The oracles of the hostile-input test: a canary server that records every request (a request
 * means a payload ran), a scan of a page's DOM for markup that could run or navigate (for payloads
 * that need a click), a scan of PDFs for actions, and the message a refused request must carry.
 */
import http from 'node:http';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, type PDFObject } from 'pdf-lib';

export interface Canary {
  base: string;
  host: string;
  hits: string[];
  close(): Promise<void>;
}

/** A tiny HTTP server on a free port that answers everything and remembers every path asked for. */
export async function startCanary(): Promise<Canary> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    base: `http://${host}`,
    host,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A second local server that serves HTML put in it (an e-mail as a mail client shows it, a control
 * page): a real origin on this machine, so pages it serves may call the canary like any page of
 * the portal could (Chromium lets no page of an unknown origin call a loopback address).
 */
export async function startPageServer() {
  const pages = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const html = pages.get(req.url ?? '');
    res.writeHead(html === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    /** Serves `html` and answers its address. */
    put(name: string, html: string): string {
      pages.set(`/${name}`, html);
      return `${base}/${name}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Runs in the page: every element, attribute and frame that could call the canary, run script or
 * navigate, were the page's text ever taken as markup. Text shown as text (and form values) is no
 * finding. The portal itself puts no event handler attributes, no <base> and no refresh in pages.
 */
export function domFindings(canaryHost: string): string[] {
  const URL_ATTRIBUTES = new Set(['src', 'href', 'action', 'formaction', 'data', 'poster', 'srcset', 'background', 'xlink:href', 'ping', 'srcdoc', 'style', 'codebase', 'cite', 'manifest', 'imagesrcset']);
  const out: string[] = [];
  const walk = (root: Document | ShadowRoot) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        const name = a.name.toLowerCase();
        if (name.startsWith('on')) out.push(`<${el.tagName.toLowerCase()} ${name}>`);
        else if (URL_ATTRIBUTES.has(name) && (a.value.includes(canaryHost) || /^\s*(javascript|vbscript):/i.test(a.value) || /^\s*data:text\/html/i.test(a.value))) {
          out.push(`<${el.tagName.toLowerCase()} ${name}="${a.value.slice(0, 80)}">`);
        }
      }
      const tag = el.tagName.toLowerCase();
      if (tag === 'base' || (tag === 'meta' && el.hasAttribute('http-equiv'))) out.push(`<${tag}>`);
      if (tag === 'iframe' || tag === 'object' || tag === 'embed' || tag === 'frame') out.push(`<${tag}>`);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return out;
}

const ACTIVE_ACTIONS = new Set(['JavaScript', 'Launch', 'SubmitForm', 'ImportData', 'GoToR', 'GoToE', 'RichMediaExecute', 'Rendition']);
const ACTIVE_KEYS = new Set(['JS', 'JavaScript', 'OpenAction', 'AA', 'XFA', 'Launch', 'RichMedia']);
/** A PDF name as a reader decodes it (#xx escapes, either case). */
const nameOf = (n: PDFName) => n.decodeText().replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/**
 * Actions in a PDF that could run, open or send something: scripts, launches, form submissions,
 * automatic actions, and any link to the canary or a javascript: URL. Also the raw bytes, in case
 * a writer's text broke out of a string where the parser would not see it.
 */
export async function pdfFindings(bytes: Uint8Array, canaryHost: string): Promise<string[]> {
  const out: string[] = [];
  const raw = Buffer.from(bytes).toString('latin1');
  for (const token of ['/JavaScript', '/JS ', '/JS(', '/Launch', '/OpenAction', '/SubmitForm', '/AA ']) if (raw.includes(token)) out.push(`bytes: ${token}`);
  if (raw.includes(canaryHost)) out.push('bytes: the canary address in clear');
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  const seen = new Set<PDFObject>();
  const visit = (o: PDFObject | undefined, path: string) => {
    if (!o || seen.has(o)) return;
    seen.add(o);
    const dict = o instanceof PDFRawStream ? o.dict : o instanceof PDFDict ? o : undefined;
    if (dict) {
      for (const [key, value] of dict.entries()) {
        const k = nameOf(key);
        if (ACTIVE_KEYS.has(k)) out.push(`${path}/${k}`);
        if (k === 'S' && value instanceof PDFName && ACTIVE_ACTIONS.has(nameOf(value))) out.push(`${path}: action ${nameOf(value)}`);
        if (k === 'URI' && (value instanceof PDFString || value instanceof PDFHexString)) {
          const uri = value.decodeText();
          if (uri.includes(canaryHost) || /^\s*javascript:/i.test(uri)) out.push(`${path}: URI ${uri}`);
        }
        visit(value instanceof PDFName ? undefined : doc.context.lookup(value), `${path}/${k}`);
      }
    } else if (o instanceof PDFArray) {
      o.asArray().forEach((item, i) => visit(doc.context.lookup(item), `${path}[${i}]`));
    }
  };
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) visit(object, `${ref.objectNumber}`);
  return out;
}

/** Text as React writes it into HTML (the escapes its server renderer uses). */
export function asHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
}
