/**
 * Benchmark (not a test): Lighthouse's scores for the public pages, with Debian's Chromium and
 * Lighthouse's default mobile profile (a mid-range phone, simulated slow 4G). The targets are
 * accessibility 100, best practices at least 95 and performance at least 95. Each audit that
 * cost points is listed, so a score below target says what to fix. The scores are written to
 * bench/results/latest.json (see results.ts) and quoted in docs/performance.md.
 *
 *   npm run bench -- lighthouse
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { publicPages, withPublicPortal } from './public-pages-portal';
import { recordResult, type Figure } from './results';

const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 95 } as const;
type Category = keyof typeof TARGETS;

await withPublicPortal(async ({ appUrl, forumSlug }) => {
  const chrome = await launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    const rows = [];
    const figures: Figure[] = [];
    const lost: string[] = [];
    for (const { name, path } of publicPages(forumSlug)) {
      const result = await lighthouse(appUrl + path, { port: chrome.port, logLevel: 'error', onlyCategories: Object.keys(TARGETS) });
      if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const score = (c: Category) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
      rows.push({
        page: name,
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best practices': score('best-practices'),
        'LCP ms': Math.round(Number(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN)),
        'TBT ms': Math.round(Number(lhr.audits['total-blocking-time']?.numericValue ?? NaN)),
        CLS: Number(lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3),
        targets: (Object.keys(TARGETS) as Category[]).every((c) => score(c) >= TARGETS[c]) ? 'met' : 'MISSED',
      });
      for (const c of Object.keys(TARGETS) as Category[]) {
        figures.push({ name: `${name}: ${c}`, value: score(c), unit: 'points', target: TARGETS[c] === 100 ? '100' : `≥ ${TARGETS[c]}`, met: score(c) >= TARGETS[c] });
      }
      for (const c of Object.keys(TARGETS) as Category[]) {
        for (const ref of lhr.categories[c]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) lost.push(`${name} · ${c}: ${audit.title} (${Math.round(audit.score * 100)})`);
        }
      }
    }
    console.table(rows);
    if (lost.length) console.log(`Audits that cost points:\n  ${lost.join('\n  ')}`);
    recordResult('lighthouse', { parameters: { profile: 'Lighthouse default mobile (simulated slow 4G, mid-range phone)', browser: 'Debian Chromium, headless' }, figures, details: { pages: rows, lost } });
    if (rows.some((r) => r.targets === 'MISSED')) process.exitCode = 1;
  } finally {
    chrome.kill();
  }
});
