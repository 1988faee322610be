import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with every background service off (this network is closed). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--no-first-run',
    ],
  });
}

/**
 * A fresh page whose script errors, console errors and failed sub-resources are collected: a page that
 * fails to hydrate still renders, so only these reveal it. Tests assert the list is empty.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<{ page: Page; problems: () => string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  // Pages the test opens on purpose may answer 404, and a refused form answers 4xx by design;
  // assets must load, and nothing may fail on the server.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource') && !isCancelledNavigation(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    const type = r.request().resourceType();
    const answersForms = type === 'document' || type === 'fetch' || type === 'xhr';
    if (r.status() >= 500 || (r.status() >= 400 && !answersForms)) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return { page, problems: () => problems };
}

/**
 * Remix logs the AbortError of a navigation it cancelled itself because a newer one began (a click
 * while the previous page's data was still arriving: remix-run/react-router#14203). The newer
 * navigation proceeds normally; nothing failed.
 */
function isCancelledNavigation(text: string): boolean {
  return text.startsWith('AbortError: signal is aborted without reason') && text.includes('navigate');
}
