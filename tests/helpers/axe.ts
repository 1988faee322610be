/**
 * axe-core in Chromium: WCAG 2.0–2.2 A and AA rules, and the best-practice rules about headings and
 * landmarks by name, on a page as it stands.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Rules axe files under best practice rather than a WCAG criterion, run by name: headings that
 * skip no level and one first-level heading (1.3.1, 2.4.6), all content inside landmarks with one
 * main (1.3.1, 2.4.1). Selecting by WCAG tag alone would leave them out.
 */
const BY_NAME = ['heading-order', 'page-has-heading-one', 'region', 'landmark-one-main'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** The rules broken on the page, one line each (an empty list when none is). */
export async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const found = await page.evaluate(async (byName) => {
    const result = await (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      // A rule named here runs whatever its tags (axe: options.rules takes precedence over runOnly tags).
      rules: Object.fromEntries(byName.map((id) => [id, { enabled: true }])),
    });
    return result.violations;
  }, BY_NAME);
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
