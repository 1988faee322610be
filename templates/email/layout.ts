/** Shared shell of every e-mail: language and direction on the root, user text isolated. */

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** User-supplied text inside our sentences: escaped, and isolated so its direction cannot leak. */
export function isolate(value: string): string {
  return `<bdi>${escapeHtml(value)}</bdi>`;
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
