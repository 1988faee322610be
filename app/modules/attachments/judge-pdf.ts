/**
 * The judgement of one PDF, made in the thread that calls it (pdf-check-thread.ts; the web
 * process asks through pdf-check-pool.ts, never directly).
 *
 * A PDF must open without a password and carry no scripts, launches, form submissions or other
 * automatic actions: the secretariat and the public will open it. Every object is searched, nested
 * ones too (an action is as often written inside the dictionary that triggers it as on its own),
 * with names read as a PDF reader reads them (`/J#61vaScript` is `/JavaScript`). Anything pdf-lib
 * cannot parse is refused as unreadable (truncated, corrupt), since a reader could not be sure
 * what it shows either.
 */
import { readFile } from 'node:fs/promises';
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';

/** `tooComplex`: the check ran out of time or memory (given by the pool, never by the judgement). */
export type PdfVerdict = 'ok' | 'encrypted' | 'script' | 'unreadable' | 'tooComplex';

/** Keys that hold scripts, script-bearing forms (XFA) or embedded players, wherever they are. */
const ACTIVE_KEYS = new Set(['JS', 'JavaScript', 'Launch', 'RichMedia', 'XFA']);
/** Actions that run something or send data out, whatever triggers them (a click too). */
const ACTIVE_ACTIONS = new Set(['JavaScript', 'Launch', 'RichMediaExecute', 'SubmitForm', 'ImportData']);
/**
 * What a document may do by itself, on opening or on an event (OpenAction, AA): move within
 * itself. Opening an address or another file (URI, GoToR over a network share…) needs a click.
 */
const HARMLESS_AUTOMATIC = new Set(['GoTo', 'Named']);

/** A name as a reader decodes it: #xx escapes in either case (pdf-lib decodes only upper-case ones). */
const decodeName = (name: PDFName) => name.decodeText().replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
/**
 * Decoded once per name: pdf-lib keeps one PDFName object per name, and a long document repeats
 * the same few (Type, Page, Resources…) tens of thousands of times; decoding each occurrence was
 * most of the check's time.
 */
const decoded = new WeakMap<PDFName, string>();
const nameOf = (name: PDFName) => {
  let text = decoded.get(name);
  if (text === undefined) decoded.set(name, (text = decodeName(name)));
  return text;
};

/**
 * pdf-lib keeps every name and every object reference it parses in pools that live as long as the
 * thread, so each file's distinct names and references would stay for good: a 4 MB file of
 * 300,000 made-up names kept 60 MB after its inspection, and a few such uploads would exhaust the
 * process. What a file adds to the pools is forgotten when its inspection ends (a patch
 * to pdf-lib adds the means: docs/decisions/021-forgetting-parsed-pdf-names.md).
 *
 * Only entries added after the inspection began are forgotten, so no other use of pdf-lib may run
 * while it does. Inspections run one at a time, and each runs from start to end without letting
 * any timer or I/O callback in: the file is read first, and the parse never waits on a timer
 * (ParseSpeeds.Fastest). Anything else in the thread therefore runs before or after it, never
 * inside. A test holds this. (The pool's threads do nothing else, but they live long, so what one
 * file added would otherwise stay for every file after it.)
 */
let inspecting: Promise<unknown> = Promise.resolve();

export async function judgePdf(path: string): Promise<PdfVerdict> {
  const bytes = await readFile(path);
  const verdict = inspecting.then(() => inspectForgettingWhatItAdds(bytes));
  inspecting = verdict.catch(() => undefined);
  return verdict;
}

async function inspectForgettingWhatItAdds(bytes: Uint8Array): Promise<PdfVerdict> {
  const names = PDFName.internedCount();
  const refs = PDFRef.internedCount();
  try {
    return await inspectBytes(bytes);
  } finally {
    PDFName.forgetInternedAfter(names);
    PDFRef.forgetInternedAfter(refs);
  }
}

async function inspectBytes(bytes: Uint8Array): Promise<PdfVerdict> {
  let doc: PDFDocument;
  try {
    // Loaded past encryption only to be able to say that it is encrypted.
    // Parsed in one go (pdf-lib otherwise pauses on a timer every 100 objects): a 1 MB file takes
    // tens of milliseconds, and the pauses only added to that.
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true, ignoreEncryption: true, parseSpeed: ParseSpeeds.Fastest });
  } catch {
    return 'unreadable';
  }
  if (doc.isEncrypted) return 'encrypted';
  // A file with a PDF header but no document in it (no catalog, no page tree) has nothing to show.
  if (pageCount(doc) === 0) return 'unreadable';
  return hasActiveContent(doc) ? 'script' : 'ok';
}

function pageCount(doc: PDFDocument): number {
  try {
    return doc.getPageCount();
  } catch {
    return 0;
  }
}

function hasActiveContent(doc: PDFDocument): boolean {
  const lookup = (value: PDFObject) => (value instanceof PDFName ? undefined : doc.context.lookup(value));
  // `automatic`: an action a reader runs by itself (the document's OpenAction, an AA trigger, and
  // the actions chained to those by Next), where anything but moving within the document counts.
  // A stack, not recursion: a crafted file may nest arrays deeper than the call stack goes.
  const seen = { plain: new Set<PDFObject>(), automatic: new Set<PDFObject>() };
  const stack: Array<[PDFObject | undefined, boolean]> = doc.context.enumerateIndirectObjects().map(([, object]) => [object, false]);
  // Only what can hold keys is worth a visit: numbers, strings and names (most values) are not stacked.
  const pushIfContainer = (object: PDFObject | undefined, automatic: boolean) => {
    if (object instanceof PDFDict || object instanceof PDFArray || object instanceof PDFRawStream) stack.push([object, automatic]);
  };
  while (stack.length > 0) {
    const [object, automatic] = stack.pop()!;
    const visited = automatic ? seen.automatic : seen.plain;
    if (!object || visited.has(object)) continue;
    visited.add(object);
    if (object instanceof PDFArray) {
      for (const item of object.asArray()) pushIfContainer(lookup(item), automatic);
      continue;
    }
    const dict = object instanceof PDFRawStream ? object.dict : object instanceof PDFDict ? object : undefined;
    if (!dict) continue;
    for (const [key, value] of dict.entries()) {
      const k = nameOf(key);
      if (ACTIVE_KEYS.has(k)) return true;
      if (k === 'S' && value instanceof PDFName) {
        const kind = nameOf(value);
        if (ACTIVE_ACTIONS.has(kind) || (automatic && !HARMLESS_AUTOMATIC.has(kind))) return true;
      }
      const target = lookup(value);
      // An OpenAction is an action (automatic) or a destination (a page: plain, below).
      if (k === 'OpenAction' && target instanceof PDFDict) stack.push([target, true]);
      // AA maps triggers to actions.
      if (k === 'AA' && target instanceof PDFDict) for (const action of target.values()) stack.push([lookup(action), true]);
      if (k === 'Next' && automatic) stack.push([target, true]);
      pushIfContainer(target, false);
    }
  }
  return false;
}
