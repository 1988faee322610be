/**
 * Open data as a re-user gets it: the CSV read back by a real CSV parser gives every published
 * input's fields exactly (Arabic, quotes, commas, line breaks, a leading "="), the JSON matches the
 * API's own schema, a forum's download holds only that forum, and nothing unpublished or private
 * ever appears.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../app/modules/moderation/decide';
import type { Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { arabicFixture } from '../helpers/fixtures';
import { validateAgainst } from '../helpers/json-schema';
import { startPortalUnderTest } from '../helpers/portal-under-test';
import { REDIS_DB } from '../helpers/redis-databases';
import { createStaff, type TestStaff } from '../helpers/staff';

let portal: Awaited<ReturnType<typeof startPortalUnderTest>>;
let forum: Forum;
let other: Forum;
let staff: TestStaff;
const url = (p: string) => `${portal.appUrl}${p}`;

beforeAll(async () => {
  portal = await startPortalUnderTest(REDIS_DB.openData);
  forum = await createForum(portal.db);
  other = await createForum(portal.db);
  staff = await createStaff(portal.db, { email: 'open-data@un.example', role: 'moderator' });
});
afterAll(async () => {
  await portal?.stop();
});

async function published(f: Forum, overrides: Parameters<typeof createTestSubmission>[2]) {
  const input = await createTestSubmission(portal.db, f, overrides);
  expect(await decide(portal.db, { submissionId: input.id, expectedVersion: 1, staffId: staff.id, request: { decision: 'accepted' } })).toEqual({ ok: true });
  return input;
}

describe('open data', () => {
  it('the CSV round-trips through a CSV parser with every field exact; the JSON matches the API schema', async () => {
    const arabicBody = `${arabicFixture('ar-arab-region-imrf-briefing').slice(0, 600)}\r\n«اقتباس» و"علامات", وفواصل، وسطر جديد.`;
    const arabic = await published(forum, {
      title: 'الهجرة الآمنة، والمنظمة، والنظامية',
      summary: '=SUM(A1:A2) is text here, not a formula',
      body: arabicBody,
      language: 'ar',
      publishName: true,
      contactName: 'ليلى "أم أحمد"',
      objectives: ['5', '23'],
    });
    const english = await published(forum, { title: 'Decent work, and "fair" recruitment', email: 'private@example.org', publishOrganisation: false });
    await published(other, { title: 'In the other forum' });
    await createTestSubmission(portal.db, forum, { title: 'Still under review' });

    const res = await fetch(url(`/api/v1/forums/${forum.slug}/inputs.csv`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="gcm-inputs-${forum.slug}.csv"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // UTF-8 with a byte-order mark, so spreadsheets read Arabic right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    expect(text).not.toContain('private@example.org');
    const rows: Array<Record<string, string>> = parse(text, { bom: true, columns: true, skip_empty_lines: true });
    expect(rows.map((r) => r.reference)).toEqual([english.reference, arabic.reference]);
    expect(rows[1]).toEqual({
      reference: arabic.reference,
      forum: forum.slug,
      published_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      language: 'ar',
      title: 'الهجرة الآمنة، والمنظمة، والنظامية',
      summary: '=SUM(A1:A2) is text here, not a formula',
      body: arabicBody,
      author_name: 'ليلى "أم أحمد"',
      author_organisation: 'Migrant Rights Network',
      submitter_type: 'organisation',
      constituency: 'civil_society',
      country: 'LB',
      region: 'ESCWA',
      objectives: '5;23',
      principles: 'human_rights',
      url: url(`/en/inputs/${arabic.reference}`),
    });
    expect(rows[0]).toMatchObject({ title: 'Decent work, and "fair" recruitment', author_name: '', author_organisation: '' });

    const json = await fetch(url('/api/v1/inputs.json'));
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const all = (await json.json()) as Array<Record<string, unknown>>;
    const doc = await (await fetch(url('/api/v1/openapi.json'))).json();
    const schema = doc.paths['/api/v1/inputs.json'].get.responses['200'].content['application/json'].schema;
    expect(validateAgainst(doc, schema, all)).toEqual([]);
    expect(all.map((i) => i.reference)).toEqual(expect.arrayContaining([arabic.reference, english.reference]));
    expect(all.map((i) => i.title)).toContain('In the other forum');
    expect(all.map((i) => i.title)).not.toContain('Still under review');
    expect(all.find((i) => i.reference === arabic.reference)).toMatchObject({ body: arabicBody, language: 'ar' });
    expect(JSON.stringify(all)).not.toContain('private@example.org');
    expect((await fetch(url('/api/v1/forums/no-such-forum/inputs.json'))).status).toBe(404);
  });
});
