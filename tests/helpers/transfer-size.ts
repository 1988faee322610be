import type { Browser } from 'playwright-core';

export type TransferKind = 'html' | 'css' | 'js' | 'font' | 'other';

export interface FirstVisit {
  status: number;
  /** Bytes on the wire by kind: compressed bodies with their headers (DevTools' encodedDataLength). */
  bytes: Record<TransferKind, number>;
  /** Everything but fonts, which pages may load without blocking text. */
  total: number;
  scripts: string[];
  htmlEncoding: string | undefined;
}

function kindOf(resourceType: string): TransferKind {
  if (resourceType === 'Document') return 'html';
  if (resourceType === 'Stylesheet') return 'css';
  if (resourceType === 'Script') return 'js';
  if (resourceType === 'Font') return 'font';
  return 'other';
}

/** Opens `url` as a first visit (empty cache) and adds up what crossed the network until it went quiet. */
export async function firstVisit(browser: Browser, url: string): Promise<FirstVisit> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const types = new Map<string, string>();
    const bytes: Record<TransferKind, number> = { html: 0, css: 0, js: 0, font: 0, other: 0 };
    const scripts: string[] = [];
    cdp.on('Network.responseReceived', (e) => {
      types.set(e.requestId, e.type);
      if (e.type === 'Script') scripts.push(new URL(e.response.url).pathname);
    });
    cdp.on('Network.loadingFinished', (e) => {
      bytes[kindOf(types.get(e.requestId) ?? 'Other')] += e.encodedDataLength;
    });
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    return {
      status: response?.status() ?? 0,
      bytes,
      total: bytes.html + bytes.css + bytes.js + bytes.other,
      scripts,
      htmlEncoding: (await response?.allHeaders())?.['content-encoding'],
    };
  } finally {
    await context.close();
  }
}
