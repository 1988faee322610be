/**
 * Markup and script payloads, each calling the case's own canary address if it ever runs (or
 * putting that address or a javascript: URL where the DOM oracle finds it, for payloads that need
 * a click). `control` is how the payload would sit unescaped in a page, for the control test that
 * proves the oracles fire: by default straight into the body.
 */
import type { CaseContext } from './types';

export interface ScriptPayload {
  kind: string;
  make: (c: CaseContext) => string;
  /** The page a careless template would make of it; `none` when no page could run it (its oracle is elsewhere). */
  control?: ((payload: string) => string) | 'none' | 'pdf';
  /** Too long for a contact name (200 characters). */
  long?: boolean;
}

const inBody = (p: string) => `<!doctype html><html><head><title>control</title></head><body><div>${p}</div></body></html>`;

export const SCRIPT_PAYLOADS: ScriptPayload[] = [
  { kind: 'script src', make: (c) => `<script src="${c.canary}"></script>` },
  { kind: 'img onerror', make: (c) => `<img src=x onerror="fetch('${c.canary}')">` },
  { kind: 'svg onload', make: (c) => `<svg onload="fetch('${c.canary}')"></svg>` },
  { kind: 'quote-breaking iframe', make: (c) => `"><iframe src="${c.canary}"></iframe>`, control: (p) => inBody(`<input value="${p}">`) },
  { kind: 'javascript: URL', make: (c) => `javascript:fetch('${c.canary}')`, control: (p) => inBody(`<a href="${p}">x</a>`) },
  { kind: 'javascript: link', make: (c) => `<a href="javascript:fetch('${c.canary}')">read more</a>` },
  { kind: 'link and ping to the canary', make: (c) => `<a href="${c.canary}" ping="${c.canary}">report</a>` },
  { kind: 'CSS url() in a style attribute', make: (c) => `<div style="background-image:url('${c.canary}')">x</div>` },
  { kind: 'meta refresh', make: (c) => `<meta http-equiv="refresh" content="0;url=${c.canary}">` },
  { kind: 'base href', make: (c) => `<base href="${c.canary}/"><img src="pixel.png">` },
  { kind: 'stylesheet link', make: (c) => `<link rel="stylesheet" href="${c.canary}">` },
  {
    kind: 'template expression',
    make: (c) => `{{constructor.constructor('fetch("${c.canary}")')()}}`,
    // A template engine that evaluated {{…}} in the page's text.
    control: (p) => inBody(`<p id="t">${p}</p><script>document.getElementById('t').textContent.replace(/\\{\\{(.+?)\\}\\}/g, (m, e) => Function('return ' + e)())</script>`),
  },
  {
    kind: 'markdown link',
    make: (c) => `[read more](javascript:fetch('${c.canary}')) ![chart](${c.canary})`,
    // A Markdown renderer that turned links and images into elements.
    control: (p) => inBody(p.replace(/!\[([^\]]*)\]\(([^)]*)\)/g, '<img alt="$1" src="$2">').replace(/\[([^\]]*)\]\(([^)]*\)?)\)/g, '<a href="$2">$1</a>')),
  },
  { kind: 'double-quote attribute break', make: (c) => `" autofocus onfocus="fetch('${c.canary}')" x="`, control: (p) => inBody(`<input value="${p}">`) },
  { kind: 'single-quote attribute break', make: (c) => `' autofocus onfocus='fetch("${c.canary}")' x='`, control: (p) => inBody(`<input value='${p}'>`) },
  { kind: 'textarea breakout', make: (c) => `</textarea><img src="${c.canary}">`, control: (p) => inBody(`<textarea>${p}</textarea>`) },
  {
    kind: 'title breakout',
    make: (c) => `</title><script src="${c.canary}"></script>`,
    control: (p) => `<!doctype html><html><head><title>${p}</title></head><body>x</body></html>`,
  },
  {
    kind: 'script-data breakout',
    make: (c) => `</script><script src="${c.canary}"></script><!--`,
    control: (p) => inBody(`<script type="application/json">{"title":"${p}"}</script>`),
  },
  { kind: 'style @import', make: (c) => `<style>@import url("${c.canary}");</style>` },
  { kind: 'details ontoggle', make: (c) => `<details open ontoggle="fetch('${c.canary}')"><summary>x</summary></details>` },
  { kind: 'object and embed', make: (c) => `<object data="${c.canary}"></object><embed src="${c.canary}">` },
  { kind: 'iframe srcdoc', make: (c) => `<iframe srcdoc="<img src='${c.canary}'>"></iframe>` },
  { kind: 'SVG animate onbegin', make: (c) => `<svg><animate onbegin="fetch('${c.canary}')" attributeName="x" dur="1s"/></svg>` },
  { kind: 'noscript mutation', make: (c) => `<noscript><p title="</noscript><img src=x onerror=fetch('${c.canary}')>">` },
  { kind: 'video poster and image input', make: (c) => `<video poster="${c.canary}"></video><input type="image" src="${c.canary}">` },
  { kind: 'img srcset', make: (c) => `<img srcset="${c.canary} 1x">` },
  { kind: 'data: URL iframe', make: (c) => `<iframe src="data:text/html,<script>fetch('${c.canary}')</script>"></iframe>` },
  { kind: 'comment confusion', make: (c) => `<!--<img src="--><img src=${c.canary}>-->` },
  { kind: 'mixed-case tag and entity', make: (c) => `<IMG SRC=x OnErRoR=&#102;etch('${c.canary}')>` },
  { kind: 'form and formaction', make: (c) => `<form action="${c.canary}"><button autofocus formaction="javascript:fetch('${c.canary}')">x</button></form>` },
  { kind: 'SVG use href', make: (c) => `<svg><use href="${c.canary}#x"></use></svg>` },
  // Kept exactly: never decoded a second time into markup (the oracle is the text shown).
  { kind: 'entities, not decoded twice', make: (c) => `&lt;img src=x onerror=fetch('${c.canary}')&gt; &#60;script src=${c.canary}&#62;`, control: 'none' },
  // Ends a CDATA section if a feed put text in one.
  { kind: 'XML CDATA end', make: (c) => `]]><img src="${c.canary}"/><![CDATA[`, control: 'none' },
  // Ends a PDF string and adds actions if a PDF writer put text in one unescaped.
  {
    kind: 'PDF string break',
    make: (c) => `) >> /OpenAction << /S /URI /URI (${c.canary}) >> /AA << /O << /S /JavaScript /JS (app.launchURL\\('${c.canary}'\\)) >> >> (`,
    control: 'pdf',
    long: true,
  },
];
