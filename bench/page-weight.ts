/**
 * Benchmark (not a test): what a first visit costs on the wire. Debian's Chromium opens each public
 * page with an empty cache, as a phone would on its first visit, and every response's transfer size
 * (compressed body and headers, from the DevTools protocol) is added up by kind. The target is at
 * most 60 KB for the home page, a forum's listing and the submission form; the staff sign-in page
 * (the client application) is shown beside them for comparison. tests/e2e/page-weight.test.ts
 * holds the same budget in `npm test`.
 *
 *   npm run bench -- weight
 */
import { chromium } from 'playwright-core';
import { firstVisit } from '../tests/helpers/transfer-size';
import { publicPages, withPublicPortal } from './public-pages-portal';
import { recordResult } from './results';

const TARGET_KB = 60;

await withPublicPortal(async ({ appUrl, forumSlug }) => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const pages = [...publicPages(forumSlug).map((p) => ({ ...p, targeted: true })), { name: 'staff sign-in (en), the client application', path: '/en/staff/login', targeted: false }];
    const rows = [];
    const figures = [];
    for (const { name, path, targeted } of pages) {
      const visit = await firstVisit(browser, appUrl + path);
      if (visit.status !== 200) throw new Error(`${path} answered ${visit.status}`);
      const { bytes, total } = visit;
      const kb = (n: number) => (n / 1024).toFixed(1);
      rows.push({
        page: name,
        'HTML KB': kb(bytes.html),
        'CSS KB': kb(bytes.css),
        'JS KB': kb(bytes.js),
        'other KB': kb(bytes.other),
        'total KB': kb(total),
        'fonts KB': kb(bytes.font),
        target: targeted ? (total / 1024 <= TARGET_KB ? `≤ ${TARGET_KB}: met` : `≤ ${TARGET_KB}: MISSED`) : '—',
      });
      figures.push({ name: `${name}: first visit`, value: Number((total / 1024).toFixed(1)), unit: 'KB', ...(targeted ? { target: `≤ ${TARGET_KB} KB`, met: total / 1024 <= TARGET_KB } : {}) });
    }
    console.table(rows);
    console.log('Transfer sizes: compressed bodies with headers, first visit, empty cache. The pages load no fonts of their own: they use the device’s.');
    recordResult('page weight', { parameters: { measure: 'compressed transfer with headers, first visit, empty cache (Chromium DevTools protocol)' }, figures, details: rows });
    if (rows.some((r) => r.target.endsWith('MISSED'))) process.exitCode = 1;
  } finally {
    await browser.close();
  }
});
