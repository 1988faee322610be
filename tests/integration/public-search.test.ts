/**
 * Search of the public record against the real database: each input is found by a query in its
 * own language through the stemmer of that language (Chinese through character pairs), filters
 * narrow, pages neither repeat nor skip, and nothing unpublished, redacted away or unconsented can
 * be found.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../app/modules/moderation/decide';
import { loadPublicVersion, savePublicVersion } from '../../app/modules/publication/public-version';
import { publishDue, unpublishSubmission } from '../../app/modules/publication/publish';
import { parsePublicSearch, type PublicSearch } from '../../app/modules/publication/search/public-search-params';
import { countMatches, searchPublishedInputs } from '../../app/modules/publication/search/search-published-inputs';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import type { SubmissionInput } from '../../app/modules/submissions/submission-input';
import type { Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { arabicFixture } from '../helpers/fixtures';
import { testDb } from '../helpers/services';

const handle = testDb();
const { db } = handle;
afterAll(() => handle.close());

let forum: Forum;
let staffId: string;
const refs: Record<string, string> = {};
const arabicBody = arabicFixture('ar-gcm-national-implementation-plans').slice(0, 3000);

async function publish(key: string, overrides: Partial<SubmissionInput>) {
  const input = await createTestSubmission(db, forum, overrides);
  await decide(db, { submissionId: input.id, expectedVersion: 1, staffId, request: { decision: 'accepted' } });
  refs[key] = input.reference;
  return input;
}

const search = (params: Record<string, string>, limit?: number) => searchPublishedInputs(db, forum.id, parsePublicSearch(new URLSearchParams(params)), limit);
const found = async (params: Record<string, string>) => (await search(params)).inputs.map((i) => i.reference).sort();
const keys = (...names: string[]) => names.map((n) => refs[n]).sort();

beforeAll(async () => {
  forum = await createForum(db, 'open');
  staffId = (await upsertStaffUser(db, { email: `search-${crypto.randomUUID().slice(0, 8)}@un.example`, displayName: 'Search', role: 'moderator', password: 'correct horse battery staple' })).id;
  await publish('ar', {
    language: 'ar', title: 'حقوق العمال المهاجرين في منطقة الخليج', summary: 'توصيات بشأن خطط التنفيذ الوطنية.', body: arabicBody,
    constituency: 'civil_society', country: 'JO', region: 'ESCWA', objectives: ['6', '23'], principles: ['human_rights'], organisation: 'شبكة حقوق المهاجرين',
  });
  await publish('en', {
    language: 'en', title: 'Fair recruitment of domestic workers', summary: 'Ending recruitment fees charged to workers.', body: 'Recruiters should never charge migrants a fee.',
    constituency: 'trade_unions', country: 'PH', region: 'ESCAP', objectives: ['6'], principles: ['gender_responsive'], submitterType: 'network', organisation: 'Global Union Network',
  });
  await publish('fr', {
    language: 'fr', title: 'Les travailleurs saisonniers et leurs droits', summary: 'Protéger les travailleuses et travailleurs saisonniers.', body: 'Les contrats saisonniers doivent être traduits.',
    constituency: 'civil_society', country: 'SN', region: 'ECA', objectives: ['5'], principles: ['human_rights'], submitterType: 'individual', organisation: undefined, publishName: true, contactName: 'Awa Diop',
  });
  await publish('es', {
    language: 'es', title: 'Trabajadoras del hogar migrantes', summary: 'Acceso a la justicia laboral.', body: 'Las trabajadoras migrantes necesitan inspecciones.',
    constituency: 'local_authorities', country: 'MX', region: 'ECLAC', objectives: ['16'], principles: ['whole_of_society'],
  });
  await publish('ru', {
    language: 'ru', title: 'Права трудящихся-мигрантов', summary: 'Доступ мигрантов к здравоохранению.', body: 'Мигранты должны получать медицинскую помощь.',
    constituency: 'academia', country: 'KZ', region: 'ECE', objectives: ['15'], principles: ['human_rights'],
  });
  await publish('zh', {
    language: 'zh', title: '移民工人的权利与体面劳动', summary: '关于公平招聘的建议。', body: '各国应当保障移民工人获得社会保障和司法救助。',
    constituency: 'academia', country: 'CN', region: 'ESCAP', objectives: ['6', '22'], principles: ['human_rights'],
  });
});

describe('search in six languages', () => {
  it('finds an Arabic input by other forms of its words, with or without vowel marks', async () => {
    expect(await found({ q: 'المهاجرون' })).toEqual(keys('ar'));
    // Neither form is in the text: "for migrants", "by implementing" (it has "migrant", "implementation").
    expect(await found({ q: 'للمهاجرين بتنفيذ' })).toEqual(keys('ar'));
    expect(await found({ q: 'حُقُوق' })).toEqual(keys('ar'));
    // The consented organisation is part of what can be found.
    expect(await found({ q: 'شبكة' })).toEqual(keys('ar'));
  });

  it('finds English, French, Spanish and Russian inputs by other forms of their words', async () => {
    expect(await found({ q: 'recruiting' })).toEqual(keys('en'));
    expect(await found({ q: 'travailleur saisonnier' })).toEqual(keys('fr'));
    expect(await found({ q: 'trabajadora migrante' })).toEqual(keys('es'));
    expect(await found({ q: 'мигранты' })).toEqual(keys('ru'));
    expect(await found({ q: 'Awa Diop' })).toEqual(keys('fr'));
  });

  it('finds Chinese text by the characters typed, in order', async () => {
    expect(await found({ q: '移民工人' })).toEqual(keys('zh'));
    expect(await found({ q: '司法救助' })).toEqual(keys('zh'));
    // The same characters in another order are not the phrase.
    expect(await found({ q: '工人移民' })).toEqual([]);
  });

  it('takes phrases, OR and exclusions as people type them in search boxes', async () => {
    expect(await found({ q: '"domestic workers"' })).toEqual(keys('en'));
    expect(await found({ q: '"workers domestic"' })).toEqual([]);
    expect(await found({ q: 'recruitment or saisonniers' })).toEqual(keys('en', 'fr'));
    expect(await found({ q: 'recruitment -fees' })).toEqual([]);
    // The excluded word only in the text: a match in the title alone does not make the input found.
    expect(await found({ q: 'domestic' })).toEqual(keys('en'));
    expect(await found({ q: 'domestic -migrants' })).toEqual([]);
    expect(await found({ q: 'the of' })).toEqual([]);
  });

  it('marks the matching words in a passage of each result', async () => {
    const [ar] = (await search({ q: 'المهاجرين' })).inputs;
    expect(ar.snippet.filter((s) => s.mark).length).toBeGreaterThan(0);
    expect(ar.snippet.filter((s) => s.mark).every((s) => s.text.includes('مهاجر') || s.text.includes('المهاجر'))).toBe(true);
    const [zh] = (await search({ q: '移民工人' })).inputs;
    expect(zh.snippet.filter((s) => s.mark).map((s) => s.text)).toContain('移民工人');
    const [en] = (await search({ q: 'fee' })).inputs;
    expect(en.snippet.filter((s) => s.mark).map((s) => s.text.toLowerCase())).toEqual(expect.arrayContaining(['fee']));
    // Without a query the summary is shown as it is.
    const all = await search({});
    expect(all.inputs.find((i) => i.reference === refs.ru)?.snippet).toEqual([{ text: 'Доступ мигрантов к здравоохранению.' }]);
  });
});

describe('filters', () => {
  it('narrows by each filter, alone and together with a query', async () => {
    expect(await found({ objective: '6' })).toEqual(keys('ar', 'en', 'zh'));
    expect(await found({ principle: 'human_rights' })).toEqual(keys('ar', 'fr', 'ru', 'zh'));
    expect(await found({ constituency: 'academia' })).toEqual(keys('ru', 'zh'));
    expect(await found({ submitterType: 'network' })).toEqual(keys('en'));
    expect(await found({ region: 'ESCAP' })).toEqual(keys('en', 'zh'));
    expect(await found({ country: 'MX' })).toEqual(keys('es'));
    expect(await found({ language: 'fr' })).toEqual(keys('fr'));
    expect(await found({ objective: '6', region: 'ESCAP' })).toEqual(keys('en', 'zh'));
    expect(await found({ objective: '6', q: 'recruitment' })).toEqual(keys('en'));
    expect(await found({ objective: '5', q: 'recruitment' })).toEqual([]);
  });

  it('counts every match, not only the page, up to a limit, and says when there are more', async () => {
    const page = await search({ objective: '6' }, 1);
    expect(page.inputs).toHaveLength(1);
    expect(page).toMatchObject({ total: 3, capped: false });
    const objective = parsePublicSearch(new URLSearchParams({ objective: '6' }));
    expect(await countMatches(db, forum.id, objective, 3)).toEqual({ total: 3, capped: false });
    expect(await countMatches(db, forum.id, objective, 2)).toEqual({ total: 2, capped: true });
    const words = parsePublicSearch(new URLSearchParams({ q: 'workers or travailleurs or мигрантов' }));
    expect(await countMatches(db, forum.id, words, 3)).toEqual({ total: 3, capped: false });
    expect(await countMatches(db, forum.id, words, 2)).toEqual({ total: 2, capped: true });
  });

  it('counts words with filters as the pages find them, and never finds a filter by typing its value', async () => {
    // Filter values are words of the search document too (migration 0030), for the count alone.
    const cases: Array<Record<string, string>> = [{ objective: '6', q: 'recruitment' }, { region: 'ESCAP', q: 'workers' }, { objective: '5', q: 'recruitment' }, { q: 'region:ESCAP' }, { q: 'objective:6 OR constituency:academia' }, { objective: '6', q: '!!' }];
    for (const params of cases) {
      const result = await search(params);
      expect(result.total, JSON.stringify(params)).toBe(result.inputs.length);
    }
    expect(await search({ objective: '6', q: 'recruitment' })).toMatchObject({ total: 1, capped: false });
    expect(await found({ q: 'region:ESCAP' })).toEqual([]);
    expect(await found({ q: 'objective:6 OR constituency:academia' })).toEqual([]);
    // Nothing to look for in the words: nothing is found, whatever the filters hold.
    expect(await search({ objective: '6', q: '!!' })).toMatchObject({ total: 0, inputs: [] });
  });

  it('across forums, narrows to one forum by its address', async () => {
    const other = await createForum(db, 'open');
    const elsewhere = await createTestSubmission(db, other, { title: 'Recruitment elsewhere', language: 'en' });
    await decide(db, { submissionId: elsewhere.id, expectedVersion: 1, staffId, request: { decision: 'accepted' } });
    const bothForums = (slug: string) => searchPublishedInputs(db, undefined, { ...parsePublicSearch(new URLSearchParams({ q: 'recruitment' })), forum: slug });
    expect(await bothForums(other.slug)).toMatchObject({ total: 1, inputs: [{ reference: elsewhere.reference }] });
    expect(await bothForums(forum.slug)).toMatchObject({ total: 1, inputs: [{ reference: refs.en }] });
    // Within one forum (its own listing), the count keeps to it as well.
    expect((await searchPublishedInputs(db, other.id, parsePublicSearch(new URLSearchParams({ q: 'recruitment' })))).total).toBe(1);
  });
});

describe('pages', () => {
  async function walk(params: Record<string, string>, pageSize: number) {
    const seen: string[] = [];
    let after: string | undefined;
    for (let n = 0; n < 20; n++) {
      const s: PublicSearch = { ...parsePublicSearch(new URLSearchParams(params)), after };
      const page = await searchPublishedInputs(db, forum.id, s, pageSize);
      seen.push(...page.inputs.map((i) => i.reference));
      after = page.next;
      if (!after) return seen;
      // The position survives the trip through a link.
      expect(parsePublicSearch(new URLSearchParams({ ...params, after })).after).toBe(after);
    }
    throw new Error('the pages never ended');
  }

  it('walks newest first, oldest first and by relevance, each input once', async () => {
    const everything = await found({});
    expect(everything).toHaveLength(6);
    const newest = await walk({}, 4);
    expect([...newest].sort()).toEqual(everything);
    expect(await walk({ sort: 'oldest' }, 4)).toEqual([...newest].reverse());
    const relevant = await walk({ q: 'workers or travailleurs or trabajadoras or мигрантов or 移民 or المهاجرين' }, 1);
    expect([...relevant].sort()).toEqual(everything);
  });

  it('keeps each order across inputs published at one instant, by reference among them', async () => {
    const harbour = await createForum(db, 'open');
    const accept = async (title: string, body: string, publishAt?: Date) => {
      const input = await createTestSubmission(db, harbour, { language: 'en', title, summary: 'Port labour.', body });
      await decide(db, { submissionId: input.id, expectedVersion: 1, staffId, request: { decision: 'accepted', publishAt } });
      return input.reference;
    };
    // Three published at once, then four scheduled for one instant (their order is by reference).
    const atOnce = [await accept('Harbour pilots', 'Text.'), await accept('Dockers', 'The harbour hires by the day.'), await accept('Harbour cranes', 'Text.')];
    const at = new Date(Date.now() + 60_000);
    const together = [
      await accept('Harbour unions', 'Text.', at),
      await accept('Shifts', 'Night work in the harbour.', at),
      await accept('Harbour housing', 'Text.', at),
      await accept('Fishers', 'Boats leave the harbour.', at),
    ];
    await publishDue(db, new Date(at.getTime() + 1000));
    await accept('Customs', 'Nothing about ports.');

    const newest = [...[...together].sort().reverse(), ...[...atOnce].reverse()];
    const inTitle = (r: string) => [atOnce[0], atOnce[2], together[0], together[2]].includes(r);
    const expected = { newest, oldest: [...newest].reverse(), relevance: [...newest.filter(inTitle), ...newest.filter((r) => !inTitle(r))] };
    for (const sort of ['relevance', 'newest', 'oldest'] as const) {
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await searchPublishedInputs(db, harbour.id, { ...parsePublicSearch(new URLSearchParams({ q: 'harbour', sort })), after }, 2);
        expect(page, sort).toMatchObject({ total: 7, capped: false });
        seen.push(...page.inputs.map((i) => i.reference));
        after = page.next;
      } while (after && seen.length < 20);
      expect(seen, sort).toEqual(expected[sort]);
    }
  });

  it('puts an input whose title matches before one that mentions the words in passing', async () => {
    const inTitle = await publish('title', { language: 'en', title: 'Remittances corridor costs', summary: 'Costs.', body: 'Costs of sending money home.' });
    const inBody = await publish('body', { language: 'en', title: 'Financial inclusion', summary: 'Banking.', body: 'Long text about banking access for families, mentioning remittances once among many other words about accounts and identity documents and fees.' });
    const ranked = (await search({ q: 'remittances' })).inputs.map((i) => i.reference);
    expect(ranked).toEqual([inTitle.reference, inBody.reference]);
  });
});

describe('what can never be found', () => {
  it('skips unpublished inputs, withdrawn ones, text redacted away and names not consented', async () => {
    const pending = await createTestSubmission(db, forum, { title: 'Zanzibar pending input', language: 'en' });
    expect(await found({ q: 'Zanzibar' })).toEqual([]);
    await decide(db, { submissionId: pending.id, expectedVersion: 1, staffId, request: { decision: 'accepted' } });
    expect(await found({ q: 'Zanzibar' })).toEqual([pending.reference]);
    await unpublishSubmission(db, { submissionId: pending.id, staffId, reason: 'Published in error.' });
    expect(await found({ q: 'Zanzibar' })).toEqual([]);

    const redacted = await publish('redacted', { language: 'en', title: 'Detention conditions', body: 'The Kilimanjaro centre holds children.', contactName: 'Samira Quorn', publishName: false, organisation: 'Quietly Unnamed Org', publishOrganisation: false });
    expect(await found({ q: 'Kilimanjaro' })).toEqual([redacted.reference]);
    const view = await loadPublicVersion(db, redacted.id);
    const saved = await savePublicVersion(db, {
      submissionId: redacted.id, staffId, basis: view!.basis, shown: { nameHidden: true, files: true },
      version: { title: view!.current.title, summary: view!.current.summary, body: 'The [place withheld] centre holds children.', nameHidden: false, withheldAttachmentIds: [] },
    });
    expect(saved.ok).toBe(true);
    expect(await found({ q: 'Kilimanjaro' })).toEqual([]);
    expect(await found({ q: 'withheld centre' })).toEqual([redacted.reference]);
    expect(await found({ q: 'Quorn' })).toEqual([]);
    expect(await found({ q: 'Quietly' })).toEqual([]);
  });
});
