/**
 * The Atom feeds, read as a feed reader would and parsed by Chromium's XML parser: per forum and
 * overall, newest first, each entry in its own language, the author only as consented, the public
 * version of the text, and a tombstone once an input is withdrawn from publication.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../app/modules/moderation/decide';
import { unpublishSubmission } from '../../app/modules/publication/publish';
import { loadPublicVersion, savePublicVersion } from '../../app/modules/publication/public-version';
import type { Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { launchChromium, openPage } from '../helpers/browser';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { createStaff, type TestStaff } from '../helpers/staff';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;
let other: Forum;
let staff: TestStaff;
const url = (p: string) => `${portal.appUrl}${p}`;

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.atomFeeds);
  forum = await createForum(portal.db, 'open', { name: { en: 'Feed review', ar: 'مراجعة الموجز' } });
  other = await createForum(portal.db, 'open', { name: { en: 'Other review', ar: 'مراجعة أخرى' } });
  staff = await createStaff(portal.db, { email: 'feeds@un.example', role: 'moderator' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

async function published(f: Forum, overrides: Parameters<typeof createTestSubmission>[2], locale = 'en') {
  const input = await createTestSubmission(portal.db, f, overrides, locale);
  expect(await decide(portal.db, { submissionId: input.id, expectedVersion: 1, staffId: staff.id, request: { decision: 'accepted' } })).toEqual({ ok: true });
  return input;
}

interface ParsedFeed {
  error: string | null;
  title: string;
  lang: string | null;
  self: string | null;
  entries: Array<{ id: string; title: string; titleLang: string | null; summary: string; link: string | null; author: string | null; categories: string[] }>;
  tombstones: Array<{ ref: string | null; when: string | null }>;
}

/** Fetches a feed in the page and parses it with the browser's XML parser (strict: any error shows). */
async function readFeed(page: Page, path: string): Promise<{ status: number; type: string | null; feed: ParsedFeed }> {
  return page.evaluate(async (address) => {
    // As a reader polling after the cache time: the feed as it is now.
    const res = await fetch(address, { cache: 'no-store' });
    // Only a feed is parsed: the parser's error page for anything else would itself break the CSP.
    const text = res.ok ? await res.text() : '<feed xmlns="http://www.w3.org/2005/Atom"/>';
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const ATOM = 'http://www.w3.org/2005/Atom';
    const TOMB = 'http://purl.org/atompub/tombstones/1.0';
    const child = (el: Element, name: string) => el.getElementsByTagNameNS(ATOM, name)[0] ?? null;
    const root = doc.documentElement;
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      feed: {
        error: doc.getElementsByTagName('parsererror')[0]?.textContent ?? null,
        title: child(root, 'title')?.textContent ?? '',
        lang: root.getAttribute('xml:lang'),
        self: [...root.getElementsByTagNameNS(ATOM, 'link')].find((l) => l.getAttribute('rel') === 'self' && l.parentElement === root)?.getAttribute('href') ?? null,
        entries: [...root.getElementsByTagNameNS(ATOM, 'entry')].map((e) => ({
          id: child(e, 'id')?.textContent ?? '',
          title: child(e, 'title')?.textContent ?? '',
          titleLang: child(e, 'title')?.getAttribute('xml:lang') ?? null,
          summary: child(e, 'summary')?.textContent ?? '',
          link: child(e, 'link')?.getAttribute('href') ?? null,
          author: child(e, 'author')?.textContent?.trim() ?? null,
          categories: [...e.getElementsByTagNameNS(ATOM, 'category')].map((c) => c.getAttribute('term') ?? ''),
        })),
        tombstones: [...root.getElementsByTagNameNS(TOMB, 'deleted-entry')].map((d) => ({ ref: d.getAttribute('ref'), when: d.getAttribute('when') })),
      },
    };
  }, url(path));
}

describe('Atom feeds', () => {
  it('a forum feed lists its published inputs, newest first, in their own language, as consented and as redacted', async () => {
    const english = await published(forum, { title: 'Decent work & <fair> recruitment', summary: 'Ethical recruitment "now".', publishName: true, contactName: 'Ana Lima', publishOrganisation: false });
    const arabic = await published(forum, { title: 'العمل اللائق للعمال المهاجرين', summary: 'توصيات بشأن الهدف 6.', language: 'ar', publishName: false, publishOrganisation: false }, 'ar');
    const redacted = await published(forum, { title: 'Shelter needs', summary: 'Call +961 3 123 456 to visit.' });
    const version = await loadPublicVersion(portal.db, redacted.id);
    await savePublicVersion(portal.db, {
      submissionId: redacted.id,
      staffId: staff.id,
      basis: version!.basis,
      shown: { nameHidden: false, files: false },
      version: { title: 'Shelter needs', summary: 'Contact details removed.', body: version!.current.body, nameHidden: false, withheldAttachmentIds: [] },
    });
    const elsewhere = await published(other, { title: 'Only in the other forum' });
    await createTestSubmission(portal.db, forum, { title: 'Not yet decided' });

    const { page, problems } = await openPage(browser);
    await page.goto(url(`/en/forums/${forum.slug}`));
    // The page announces its feed to readers, and links it.
    expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href')).toBe(`/en/forums/${forum.slug}/feed.atom`);
    await page.getByRole('link', { name: 'Feed of new inputs (Atom)' }).waitFor();

    const { status, type, feed } = await readFeed(page, `/en/forums/${forum.slug}/feed.atom`);
    expect(status).toBe(200);
    expect(type).toBe('application/atom+xml; charset=utf-8');
    expect(feed.error).toBeNull();
    expect(feed.title).toBe('Published inputs to Feed review');
    expect(feed.lang).toBe('en');
    expect(feed.self).toBe(url(`/en/forums/${forum.slug}/feed.atom`));
    expect(feed.entries.map((e) => e.title)).toEqual(['Shelter needs', 'العمل اللائق للعمال المهاجرين', 'Decent work & <fair> recruitment']);
    const [shelter, ar, en] = feed.entries;
    expect(shelter.summary).toBe('Contact details removed.');
    expect(ar).toMatchObject({ titleLang: 'ar', summary: 'توصيات بشأن الهدف 6.', author: null, link: url(`/en/inputs/${arabic.reference}`) });
    expect(en).toMatchObject({ summary: 'Ethical recruitment "now".', author: 'Ana Lima', categories: ['objective-6', 'objective-15'] });
    expect(en.id).toBe(`tag:127.0.0.1,2026:input/${english.reference}`);
    expect(feed.tombstones).toEqual([]);

    // The overall feed has both forums (announced on the home page); the Arabic one speaks Arabic around the same entries.
    await page.goto(url('/ar'));
    expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href')).toBe('/ar/feed.atom');
    const all = (await readFeed(page, '/ar/feed.atom')).feed;
    expect(all.error).toBeNull();
    expect(all.lang).toBe('ar');
    expect(all.title).toBe('المساهمات المنشورة في منتديات استعراض الاتفاق العالمي من أجل الهجرة');
    expect(all.entries.map((e) => e.title)).toEqual(expect.arrayContaining(['Only in the other forum', 'Shelter needs']));
    expect(all.entries.find((e) => e.title === 'Only in the other forum')?.link).toBe(url(`/ar/inputs/${elsewhere.reference}`));
    expect((await readFeed(page, '/en/forums/no-such-forum/feed.atom')).status).toBe(404);
    expect(problems()).toEqual([]);

    // Withdrawn from publication: the entry leaves the feed and a tombstone tells readers to drop it.
    await unpublishSubmission(portal.db, { submissionId: english.id, staffId: staff.id, reason: 'Named a third person.' });
    const after = (await readFeed(page, `/en/forums/${forum.slug}/feed.atom`)).feed;
    expect(after.entries.map((e) => e.title)).not.toContain('Decent work & <fair> recruitment');
    expect(after.tombstones).toEqual([{ ref: `tag:127.0.0.1,2026:input/${english.reference}`, when: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) }]);
    expect((await readFeed(page, `/en/forums/${other.slug}/feed.atom`)).feed.tombstones).toEqual([]);
  });
});
