/**
 * What a search result shows under its title: the summary, or with a query the passages that
 * match, as segments marked or not, so a page renders matches as <mark> without ever treating
 * text as markup. Pure.
 */

export interface SnippetSegment {
  text: string;
  mark?: true;
}

/** Around matches in passages from ts_headline (private-use characters, never typed in inputs' text). */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

/** Characters shown on each side of the first match found in Chinese text. */
const CJK_CONTEXT = 60;

export function snippetOf(args: { summary: string; passage?: string; q?: string; language: string }): SnippetSegment[] {
  const summary: SnippetSegment[] = [{ text: args.summary }];
  if (!args.q || args.passage === undefined) return summary;
  const segments = args.language === 'zh' ? literalMatches(args.passage, queryTerms(args.q)) : headlineSegments(args.passage);
  // A match only in the title or the author's name leaves nothing marked here: the summary says more.
  return segments.some((s) => s.mark) ? segments : summary;
}

function headlineSegments(passage: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  for (const [i, part] of passage.split(MATCH_START).entries()) {
    const [marked, rest] = i === 0 ? [undefined, part] : splitOnce(part, MATCH_END);
    if (marked) segments.push({ text: marked, mark: true });
    if (rest) segments.push({ text: rest });
  }
  return mergePlain(segments);
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}

/** The words a person searched for, without excluded ones (-word) and the OR keyword. */
export function queryTerms(q: string): string[] {
  return (q.match(/-?"[^"]*"|\S+/g) ?? [])
    .filter((term) => !term.startsWith('-') && term.toLowerCase() !== 'or')
    .map((term) => term.replace(/"/g, '').trim())
    .filter((term) => term.length > 0);
}

/**
 * Chinese has no spaces, so matches are found as the characters typed: the window of text around
 * the first match, with every match in it marked.
 */
function literalMatches(text: string, terms: string[]): SnippetSegment[] {
  // Case is ignored only where lowering keeps every character's place (it does for nearly all text).
  const lower = text.toLowerCase().length === text.length ? text.toLowerCase() : text;
  const needles = terms.map((t) => (lower === text ? t : t.toLowerCase()));
  const first = Math.min(...needles.map((n) => lower.indexOf(n)).filter((i) => i >= 0));
  if (!Number.isFinite(first)) return [{ text }];
  const start = Math.max(0, first - CJK_CONTEXT);
  const end = Math.min(text.length, first + CJK_CONTEXT * 2);
  const segments: SnippetSegment[] = start > 0 ? [{ text: '… ' }] : [];
  let at = start;
  while (at < end) {
    const hit = needles
      .map((n) => ({ n, i: lower.indexOf(n, at) }))
      .filter((h) => h.i >= 0 && h.i < end)
      .sort((a, b) => a.i - b.i || b.n.length - a.n.length)[0];
    if (!hit) break;
    if (hit.i > at) segments.push({ text: text.slice(at, hit.i) });
    segments.push({ text: text.slice(hit.i, hit.i + hit.n.length), mark: true });
    at = hit.i + hit.n.length;
  }
  if (at < end) segments.push({ text: text.slice(at, end) });
  if (end < text.length) segments.push({ text: ' …' });
  return mergePlain(segments);
}

function mergePlain(segments: SnippetSegment[]): SnippetSegment[] {
  const merged: SnippetSegment[] = [];
  for (const s of segments) {
    const last = merged.at(-1);
    if (last && !last.mark && !s.mark) last.text += s.text;
    else merged.push({ ...s });
  }
  return merged;
}
