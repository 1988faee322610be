/** Shared shell of every e-mail: language and direction on the root, user text isolated. */
import { directionOf } from '../../app/modules/taxonomy/locales';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * User-supplied text inside our sentences: escaped, and isolated so its direction cannot leak.
 * A value of several lines (a reason, a request for changes) keeps its line breaks, each line
 * isolated on its own: one <bdi> takes one direction, from its first letter, so an English line
 * under an Arabic one would be set right to left inside it, its full stop moved to its left end.
 */
export function isolate(value: string): string {
  if (!/[\r\n]/.test(value)) return `<bdi>${escapeHtml(value)}</bdi>`;
  return value
    .split(/\r\n|\r|\n/)
    .map((line) => `<bdi style="white-space:pre-wrap">${escapeHtml(line)}</bdi>`)
    .join('<br>');
}

const FSI = '\u2068';
const PDI = '\u2069';

/**
 * The plain-text part's isolation: in a right-to-left e-mail each line of an inserted value is
 * wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so a Latin title, a reference or a
 * number next to Arabic words is not reordered with them. Left-to-right e-mails need none. URLs
 * are never passed through here: they stand on lines of their own, where they need none, and an
 * isolate character inside a link could break it.
 */
export function isolateText(value: string, locale: string): string {
  if (directionOf(locale) !== 'rtl') return value;
  return value
    .split(/(\r\n|\n|\r)/)
    .map((part) => (/^(\r\n|\n|\r)$/.test(part) || part === '' ? part : `${FSI}${part}${PDI}`))
    .join('');
}

/** Isolation characters have no place in a header line such as the subject. */
export function withoutIsolates(value: string): string {
  return value.replace(/[\u2066-\u2069]/g, '');
}

/**
 * Between a label and its value in the plain-text part: French puts a no-break space before the
 * colon, Chinese uses the full-width colon (no space), the others a colon and a space.
 */
const LABEL_SEPARATOR: Record<string, string> = { fr: '\u00A0: ', zh: '：' };

/** "Label: value", with the colon of the reader's language and the value isolated for the reading direction. */
export function labelledText(label: string, value: string, locale: string): string {
  return `${label}${LABEL_SEPARATOR[locale] ?? ': '}${isolateText(value, locale)}`;
}

/** Key/value rows as plain text lines, values isolated for the reading direction. */
export function factsText(rows: Array<[label: string, value: string]>, locale: string): string {
  return rows.map(([label, value]) => labelledText(label, value, locale)).join('\n');
}

const RLM = '\u200F';
const LINK_LINE = /^https?:\/\/\S+$/;

/**
 * A right-to-left plain-text part, line by line. Plain-text clients have no dir attribute to go
 * by: many set each line (or paragraph) in the direction of its first letter, and some do not
 * skip the isolates around inserted values. A line that opens with Latin letters or digits (the
 * greeting with a Latin name, a reason's English line) would then be set left to right, aligned
 * left, among right-aligned Arabic. A RIGHT-TO-LEFT MARK before such a line makes its first
 * strong character right to left for every client, and is invisible. Lines already opening with
 * an Arabic letter need none. A line that is only a link keeps none: it reads left to right as a
 * whole, and nothing may touch its characters (a link's trailing "-" or "_" would move to its left
 * end in a right-to-left line).
 */
export function rightToLeftLines(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.trim() === '' || LINK_LINE.test(line)) return line;
      const first = /[\p{L}\p{N}]/u.exec(line)?.[0];
      return first !== undefined && /\p{Script=Arabic}/u.test(first) ? line : `${RLM}${line}`;
    })
    .join('\n');
}

/** Subjects are a single header line: no line breaks may survive from user text. */
export function oneLine(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}

export function htmlDocument(args: { locale: string; dir: 'rtl' | 'ltr'; title: string; body: string }): string {
  const align = args.dir === 'rtl' ? 'right' : 'left';
  return `<!doctype html>
<html lang="${escapeHtml(args.locale)}" dir="${args.dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(args.title)}</title></head>
<body style="margin:0;padding:24px;background:#f4f6f8;font-family:'Noto Sans','Noto Naskh Arabic',Arial,sans-serif;color:#1b1f24;">
<div dir="${args.dir}" style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px;border-radius:6px;text-align:${align};line-height:1.6;">
${args.body}
</div>
</body>
</html>`;
}

/** Key/value rows (reference, title…) as a small table in HTML. */
export function factsTable(rows: Array<[label: string, value: string]>): string {
  return `<table role="presentation" style="border-collapse:collapse;margin:16px 0;">${rows
    .map(
      ([label, value]) =>
        `<tr><th scope="row" style="padding:4px 12px;text-align:start;color:#555;font-weight:600;vertical-align:top;">${escapeHtml(label)}</th><td style="padding:4px 0;">${isolate(value)}</td></tr>`,
    )
    .join('')}</table>`;
}
