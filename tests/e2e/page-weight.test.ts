/**
 * Light pages on slow networks: the first visit of the home page, a forum's listing, a search of
 * all inputs and the submission form, in English and Arabic, each stays within 60 KB on the wire
 * (HTML, CSS and JavaScript compressed, with headers), loads no client application (only the
 * small enhance script, fingerprinted and cached for a year), and gets its HTML compressed. The
 * staff side, the one client-side application, does load it. Sizes are bytes, not timings: the
 * same build gives the same figures on any machine.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../app/modules/moderation/decide';
import type { Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { launchChromium } from '../helpers/browser';
import { arabicFixture } from '../helpers/fixtures';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { createStaff } from '../helpers/staff';
import { firstVisit } from '../helpers/transfer-size';

const BUDGET_BYTES = 60 * 1024;
const ENHANCE_SCRIPT = /^\/assets\/enhance-[0-9a-f]{10}\.js$/;

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.pageWeight);
  forum = await createForum(portal.db, 'open', { name: { en: 'Regional review for the Arab region', ar: 'الاستعراض الإقليمي للمنطقة العربية' } });
  const staff = await createStaff(portal.db, { email: 'weight@un.example', role: 'moderator' });
  // A full first page of results, half of them long Arabic texts, as a real listing shows.
  const arabic = arabicFixture('ar-gcm-national-implementation-plans');
  for (let i = 0; i < 24; i++) {
    const input = await createTestSubmission(portal.db, forum, i % 2
      ? { language: 'ar', title: `الهجرة الآمنة والمنظمة ${i}`, summary: arabic.slice(0, 600), body: arabic }
      : { language: 'en', title: `Safe and regular migration ${i}`, summary: 'Pathways for regular migration and decent work. '.repeat(12), body: 'Migration governance. '.repeat(300) });
    expect(await decide(portal.db, { submissionId: input.id, expectedVersion: 1, staffId: staff.id, request: { decision: 'accepted' } })).toEqual({ ok: true });
  }
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('page weight', () => {
  it.each(['en', 'ar'])('%s: home, forum listing, search and form each stay within 60 KB, with no client application', async (lang) => {
    const pages = [`/${lang}`, `/${lang}/forums/${forum.slug}`, `/${lang}/inputs?q=${lang === 'ar' ? 'الهجرة' : 'migration'}`, `/${lang}/forums/${forum.slug}/submit`];
    for (const address of pages) {
      const visit = await firstVisit(browser, portal.appUrl + address);
      expect(visit.status, address).toBe(200);
      expect(visit.total, `${address}: ${JSON.stringify(visit.bytes)}`).toBeLessThanOrEqual(BUDGET_BYTES);
      expect(visit.scripts, address).toHaveLength(1);
      expect(visit.scripts[0], address).toMatch(ENHANCE_SCRIPT);
      expect(['br', 'gzip'], address).toContain(visit.htmlEncoding);
    }
  });

  it('serves the enhance script fingerprinted and cached for a year; staff pages load the client application', async () => {
    const visit = await firstVisit(browser, `${portal.appUrl}/en/staff/login`);
    expect(visit.status).toBe(200);
    expect(visit.scripts.some((s) => /\/assets\/entry\.client-/.test(s))).toBe(true);
    expect(visit.scripts.some((s) => ENHANCE_SCRIPT.test(s))).toBe(false);

    const home = await (await fetch(`${portal.appUrl}/en`)).text();
    const script = /src="(\/assets\/enhance-[0-9a-f]{10}\.js)"/.exec(home)![1];
    const response = await fetch(portal.appUrl + script, { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toMatch(/javascript/);
  });
});
