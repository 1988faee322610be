/**
 * The public listing in Chromium, as a reader uses it: a search in Arabic finds Arabic inputs by
 * other forms of their words and marks them in a passage; the same address works without
 * JavaScript and can be shared; in English every filter narrows the list, the order can change,
 * and pages follow one another. Across forums, one forum can be picked. The API answers the same
 * search with JSON that matches its documented schema. An input's page says how to cite it and
 * links its publication PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../app/modules/moderation/decide';
import type { SubmissionInput } from '../../app/modules/submissions/submission-input';
import type { Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { apiClient } from '../helpers/api-client';
import { launchChromium, openPage } from '../helpers/browser';
import { arabicFixture } from '../helpers/fixtures';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { createStaff, type TestStaff } from '../helpers/staff';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let browser: Browser;
let forum: Forum;
let other: Forum;
let staff: TestStaff;
const url = (p: string) => `${portal.appUrl}${p}`;
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

const TITLES = {
  ar: 'حقوق العمال المهاجرين في منطقة الخليج',
  en: 'Fair recruitment of domestic workers',
  zh: '移民工人的权利与体面劳动',
  fr: 'Les travailleurs saisonniers et leurs droits',
  ru: 'Права трудящихся-мигрантов',
  es: 'Trabajadoras del hogar migrantes',
};

async function publish(f: Forum, overrides: Partial<SubmissionInput>) {
  const input = await createTestSubmission(portal.db, f, overrides);
  expect(await decide(portal.db, { submissionId: input.id, expectedVersion: 1, staffId: staff.id, request: { decision: 'accepted' } })).toEqual({ ok: true });
  return input;
}

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.publicSearch);
  forum = await createForum(portal.db, 'open', { name: { en: 'Regional review for the Arab region', ar: 'الاستعراض الإقليمي للمنطقة العربية' } });
  other = await createForum(portal.db, 'open', { name: { en: 'Regional review for Latin America', ar: 'الاستعراض الإقليمي لأمريكا اللاتينية' } });
  staff = await createStaff(portal.db, { email: 'search@un.example', role: 'moderator' });
  // Published one after the other: newest first is the reverse of this order.
  await publish(forum, {
    language: 'ar', title: TITLES.ar, summary: 'توصيات بشأن خطط التنفيذ الوطنية.', body: arabicFixture('ar-gcm-national-implementation-plans').slice(0, 2500),
    constituency: 'civil_society', country: 'JO', region: 'ESCWA', objectives: ['6', '23'], principles: ['human_rights'], submitterType: 'organisation',
  });
  await publish(forum, {
    language: 'en', title: TITLES.en, summary: 'Ending recruitment fees charged to workers.', body: 'Recruiters should never charge migrants a fee.',
    constituency: 'trade_unions', country: 'PH', region: 'ESCAP', objectives: ['6'], principles: ['gender_responsive'], submitterType: 'network',
  });
  await publish(forum, {
    language: 'zh', title: TITLES.zh, summary: '关于公平招聘的建议。', body: '各国应当保障移民工人获得社会保障和司法救助。',
    constituency: 'academia', country: 'CN', region: 'ESCAP', objectives: ['22'], principles: ['human_rights'], submitterType: 'individual', organisation: undefined,
  });
  await publish(forum, {
    language: 'fr', title: TITLES.fr, summary: 'Protéger les travailleurs saisonniers.', body: 'Les contrats saisonniers doivent être traduits.',
    constituency: 'civil_society', country: 'SN', region: 'ECA', objectives: ['5'], principles: ['human_rights'],
  });
  await publish(forum, {
    language: 'ru', title: TITLES.ru, summary: 'Доступ мигрантов к здравоохранению.', body: 'Мигранты должны получать медицинскую помощь.',
    constituency: 'academia', country: 'KZ', region: 'ECE', objectives: ['15'], principles: ['whole_of_society'],
  });
  await publish(other, {
    language: 'es', title: TITLES.es, summary: 'Acceso a la justicia laboral de las trabajadoras migrantes.', body: 'Las trabajadoras migrantes necesitan inspecciones.',
    constituency: 'local_authorities', country: 'MX', region: 'ECLAC', objectives: ['16'], principles: ['whole_of_society'],
  });
  // Never published: never listed.
  await createTestSubmission(portal.db, forum, { title: 'Recruitment input still under review', language: 'en' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

/** The search form (there is another "Language" on every page: the interface's). */
const searchForm = (page: Page, name = 'Search the published inputs') => page.getByRole('search', { name });

/** The titles listed under the results heading, in order. */
const resultTitles = (page: Page) => page.getByRole('region', { name: /published input|مساهم/ }).getByRole('heading', { level: 3 }).allTextContents();

describe('searching in Arabic', () => {
  it('finds the Arabic input by another form of its words, marks them, and the address works without JavaScript', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(url(`/ar/forums/${forum.slug}`));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByRole('heading', { level: 2, name: '5 مساهمات منشورة' }).count()).toBe(1);
    // "Migrants" in the nominative: the text has other forms only (المهاجرين، مهاجر).
    await page.getByLabel('الكلمات المطلوبة').fill('المهاجرون');
    await page.getByRole('button', { name: 'بحث' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'مساهمة منشورة واحدة مطابقة' }).count()).toBe(1);
    expect(await resultTitles(page)).toEqual([TITLES.ar]);
    const marked = await page.locator('.snippet mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    for (const word of marked) expect(word).toContain('مهاجر');
    expect(new URL(page.url()).searchParams.get('q')).toBe('المهاجرون');
    await page.screenshot(shot('ar-public-search'));
    expect(problems()).toEqual([]);

    // The address, shared with someone whose phone runs no scripts, shows the same.
    const shared = await openPage(browser, { javaScriptEnabled: false });
    await shared.page.goto(page.url());
    expect(await resultTitles(shared.page)).toEqual([TITLES.ar]);
    expect(await shared.page.getByLabel('الكلمات المطلوبة').inputValue()).toBe('المهاجرون');
    expect(await shared.page.getByLabel('الترتيب').inputValue()).toBe('relevance');
  });

  it('finds Chinese text by the characters typed, from the Arabic interface', async () => {
    const { page } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(url(`/ar/forums/${forum.slug}`));
    await page.getByLabel('الكلمات المطلوبة').fill('司法救助');
    await page.getByRole('button', { name: 'بحث' }).click();
    await page.waitForURL(/q=/);
    expect(await resultTitles(page)).toEqual([TITLES.zh]);
    expect(await page.locator('.snippet mark').allTextContents()).toEqual(['司法救助']);
  });
});

describe('filters in English, without JavaScript', () => {
  it('narrows by every filter, changes the order, and clears', async () => {
    const { page, problems } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(url(`/en/forums/${forum.slug}`));
    expect(await resultTitles(page)).toEqual([TITLES.ru, TITLES.fr, TITLES.zh, TITLES.en, TITLES.ar]);

    const filterBy = async (label: string, option: string) => {
      await page.goto(url(`/en/forums/${forum.slug}`));
      await searchForm(page).getByLabel(label, { exact: true }).selectOption({ label: option });
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/\?/);
      return resultTitles(page);
    };
    expect(await filterBy('GCM objective', (await page.getByLabel('GCM objective').locator('option[value="6"]').textContent())!)).toEqual([TITLES.en, TITLES.ar]);
    expect(await filterBy('Guiding principle', 'Human rights')).toEqual([TITLES.fr, TITLES.zh, TITLES.ar]);
    expect(await filterBy('Stakeholder group', 'Academia and research')).toEqual([TITLES.ru, TITLES.zh]);
    expect(await filterBy('Submitted as', (await page.getByLabel('Submitted as').locator('option[value="network"]').textContent())!)).toEqual([TITLES.en]);
    expect(await filterBy('UN region', (await page.getByLabel('UN region').locator('option[value="ESCAP"]').textContent())!)).toEqual([TITLES.zh, TITLES.en]);
    expect(await filterBy('Country', 'Senegal')).toEqual([TITLES.fr]);
    expect(await filterBy('Language', (await searchForm(page).getByLabel('Language', { exact: true }).locator('option[value="ru"]').textContent())!)).toEqual([TITLES.ru]);
    expect(await page.getByRole('heading', { level: 2, name: '1 published input matches' }).count()).toBe(1);

    // Two filters and words together, then the order reversed.
    await page.goto(url(`/en/forums/${forum.slug}?principle=human_rights&region=ESCAP`));
    expect(await resultTitles(page)).toEqual([TITLES.zh]);
    await page.goto(url(`/en/forums/${forum.slug}`));
    await page.getByLabel('Words to find').fill('workers or travailleurs');
    await page.getByLabel('Order').selectOption({ label: 'Oldest first' });
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/sort=oldest/);
    expect(await resultTitles(page)).toEqual([TITLES.en, TITLES.fr]);
    await page.screenshot(shot('en-public-search-filtered'));
    await page.getByRole('link', { name: 'Clear the search' }).click();
    await page.waitForURL((u) => !u.search.includes('sort='), { waitUntil: 'load' }); // a new document: wait for all of it
    expect(await resultTitles(page)).toHaveLength(5);
    expect(problems()).toEqual([]);
  });

  it('pages through many results, each once, and back to the first page', async () => {
    const many = await createForum(portal.db, 'open');
    for (let i = 0; i < 23; i++) await publish(many, { language: 'en', title: `Remittance corridor study ${String(i).padStart(2, '0')}` });
    const { page, problems } = await openPage(browser);
    await page.goto(url(`/en/forums/${many.slug}?q=remittance`));
    expect(await page.getByRole('heading', { level: 2, name: '23 published inputs match' }).count()).toBe(1);
    const first = await resultTitles(page);
    expect(first).toHaveLength(20);
    await page.getByRole('navigation', { name: 'Pages of results' }).getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL(/after=/, { waitUntil: 'load' });
    await expect.poll(() => resultTitles(page).then((t) => t.length)).toBe(3);
    const second = await resultTitles(page);
    expect(new Set([...first, ...second]).size).toBe(23);
    await page.getByRole('link', { name: 'First page' }).click();
    await page.waitForURL((u) => !u.search.includes('after='), { waitUntil: 'load' });
    await expect.poll(() => resultTitles(page)).toEqual(first);
    expect(problems()).toEqual([]);
  });
});

describe('across forums', () => {
  it('lists every forum, names each input’s forum, and narrows to one', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(url('/en'));
    await page.getByRole('link', { name: 'Search the published inputs of every forum' }).click();
    await page.waitForURL(/\/inputs$/, { waitUntil: 'load' });
    // Singular, where the Spanish text has the plural (inspecciones).
    await page.getByLabel('Words to find').fill('inspección');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => resultTitles(page)).toEqual([TITLES.es]);
    expect(await page.getByText('In Regional review for Latin America').count()).toBe(1);
    await page.getByLabel('Words to find').fill('');
    await page.getByLabel('Forum').selectOption({ label: 'Regional review for the Arab region' });
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => resultTitles(page).then((t) => t.length)).toBe(5);
    expect(new URL(page.url()).searchParams.get('forum')).toBe(forum.slug);
    expect(problems()).toEqual([]);
  });

  it('the API answers the same search as documented JSON', async () => {
    const api = apiClient(portal.appUrl);
    const all = await api.conforming(await api.get(`/api/v1/inputs?q=${encodeURIComponent('المهاجرون')}&forum=${forum.slug}`), '/api/v1/inputs');
    expect(all.body.inputs.map((i: { title: string }) => i.title)).toEqual([TITLES.ar]);
    expect(all.body.total).toBe(1);
    const filtered = await api.conforming(await api.get(`/api/v1/forums/${forum.slug}/inputs?principle=human_rights&sort=oldest&limit=2`), '/api/v1/forums/{slug}/inputs');
    expect(filtered.body.inputs.map((i: { title: string }) => i.title)).toEqual([TITLES.ar, TITLES.zh]);
    expect(filtered.body.total).toBe(3);
    const next = await api.conforming(await api.get(filtered.body.links.next), '/api/v1/forums/{slug}/inputs');
    expect(next.body.inputs.map((i: { title: string }) => i.title)).toEqual([TITLES.fr]);
    expect(next.body.nextCursor).toBeNull();
  });
});

describe('an input’s page', () => {
  it('says how to cite the input and links its PDF, in Arabic', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(url(`/ar/forums/${forum.slug}?q=${encodeURIComponent('المهاجرون')}`));
    await page.getByRole('link', { name: TITLES.ar }).click();
    await page.waitForURL(/\/inputs\/[^/?]+$/, { waitUntil: 'load' }); // a new document: wait for all of it
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(TITLES.ar);
    const reference = new URL(page.url()).pathname.split('/').at(-1)!;
    expect(await page.getByRole('heading', { name: 'الاستشهاد بهذه المساهمة' }).count()).toBe(1);
    const citation = await page.getByText(`المساهمة المكتوبة ${reference}`).textContent();
    expect(citation).toContain(TITLES.ar);
    expect(citation).toContain(`(${new Date().getUTCFullYear()})`);
    expect(citation).toContain(`/ar/inputs/${reference}`);
    const link = page.getByRole('link', { name: /هذه المساهمة بصيغة PDF/ });
    const res = await fetch(new URL((await link.getAttribute('href'))!, portal.appUrl), { cache: 'no-store' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    mkdirSync('test-results/pdf', { recursive: true });
    writeFileSync('test-results/pdf/e2e-publication.pdf', Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', 'test-results/pdf/e2e-publication.pdf', '-'], { encoding: 'utf8' }).replace(/[\s\u200E\u200F\u202A-\u202E]+/g, '');
    expect(text).toContain(TITLES.ar.replace(/\s+/g, ''));
    expect(text).toContain(reference);
    await page.screenshot(shot('ar-input-page-cite'));
    expect(problems()).toEqual([]);
    // Nothing at the address of an input never published.
    expect((await fetch(url('/ar/inputs/ZZ-0001/pdf'))).status).toBe(404);
  });
});
