/**
 * The six UN languages in Chromium: each public page exists in every language at its own address,
 * declares its language and direction, lists the others (hreflang) and links to them by their own
 * names; the bare address picks the browser's language, then remembers the one chosen. Screenshots
 * of the main pages in every language are kept for review.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../app/i18n/catalogues.server';
import { AUTONYMS, UN_LANGUAGES } from '../../app/modules/taxonomy/locales';
import type { Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { launchChromium, openPage } from '../helpers/browser';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;
const url = (p: string) => `${portal.appUrl}${p}`;

/** What each language's home page is called, as its catalogue says it. */
const HOME_TITLES: Record<string, RegExp> = { en: /Calls for written inputs/, fr: /contributions/i, es: /contribuciones/i, ru: /материал/i, zh: /意见/, ar: /الدعوات/ };

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.languages);
  forum = await createForum(portal.db, 'open', { name: { en: 'Regional review for Europe', fr: 'Examen régional pour l’Europe', ru: 'Региональный обзор для Европы', ar: 'الاستعراض الإقليمي لأوروبا' } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('six languages', () => {
  it.each(UN_LANGUAGES)('%s: the home page, a forum and its form are in the language, with its direction and links to the others', async (lang) => {
    const { page, problems } = await openPage(browser, { javaScriptEnabled: false });
    for (const [name, path] of [['home', `/${lang}`], ['forum', `/${lang}/forums/${forum.slug}`], ['form', `/${lang}/forums/${forum.slug}/submit`]] as const) {
      const response = await page.goto(url(path));
      expect(response?.status(), path).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      // Every language of the same page, by absolute address.
      const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]));
      const rest = path.replace(/^\/[a-z]+/, '');
      for (const other of UN_LANGUAGES) expect(alternates, `${path} ${other}`).toContainEqual([other, url(`/${other}${rest}`)]);
      // The switcher names each other language in itself.
      const switcher = page.getByRole('navigation', { name: CATALOGUES[lang]['site.language'], exact: true });
      for (const other of UN_LANGUAGES.filter((l) => l !== lang)) {
        await expect(switcher.getByRole('link', { name: AUTONYMS[other], exact: true }).getAttribute('href')).resolves.toBe(`/${other}${rest}`);
      }
      await page.screenshot({ path: `test-results/screenshots/${lang}-${name}.png`, fullPage: true });
    }
    await page.goto(url(`/${lang}`));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(HOME_TITLES[lang]);
    expect(problems()).toEqual([]);
  });

  it('opens the bare address in the browser’s language, then in the language last chosen', async () => {
    const { page } = await openPage(browser, { locale: 'ru-RU', extraHTTPHeaders: { 'Accept-Language': 'ru-RU,ru;q=0.9' } });
    await page.goto(url('/'));
    expect(new URL(page.url()).pathname).toBe('/ru');
    await page.getByRole('link', { name: AUTONYMS.es, exact: true }).click();
    await page.waitForURL(/\/es$/, { waitUntil: 'load' });
    await page.goto(url('/'));
    expect(new URL(page.url()).pathname).toBe('/es');
  });
});
