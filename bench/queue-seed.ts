/**
 * Fills an empty database with a realistic moderation workload in a few set-based statements
 * (INSERT … SELECT over generate_series), because 100,000 inputs through the submit module would
 * take longer than the benchmark itself. Every row satisfies the table's CHECK constraints: the
 * database, not this file, is the judge of what a valid input is.
 *
 * The mix: three forums (a global one and two regional reviews), most inputs waiting and the rest
 * decided in every way a moderator can, six languages, sixteen constituencies, countries of the
 * forum's region, one to four objectives, about one input in eight with files, a few with e-mail
 * addresses or phone numbers in the text, claims live and expired, withdrawals, and a share of
 * inputs never confirmed (which moderators never see). The draws are seeded, so every run builds
 * the same data.
 */
import type postgres from 'postgres';
import { CONSTITUENCY_KEYS } from '../app/modules/taxonomy/constituencies';
import { OBJECTIVE_KEYS } from '../app/modules/taxonomy/objectives';
import { PRINCIPLE_KEYS } from '../app/modules/taxonomy/principles';
import { REGION_MEMBERS } from '../app/modules/taxonomy/regions';
import { REJECTION_CATEGORIES } from '../db/schema/rejection-categories';
import { SAMPLE_NAMES, SAMPLE_SENTENCES, SAMPLE_TITLES } from './queue-sample-texts';

export interface SeedForum {
  id: string;
  referencePrefix: string;
  /** The forum's UN region, or undefined for a global forum (inputs from every region). */
  region?: string;
  /** Share of all inputs sent to this forum; the shares add up to 1. */
  share: number;
}

export interface SeedOptions {
  /** Inputs whose address was confirmed: what the queue holds. */
  confirmed: number;
  /** Inputs never confirmed, which the queue must skip. */
  unconfirmed: number;
  forums: SeedForum[];
  /** The moderator who decided and claims inputs. */
  staffId: string;
  /** Every confirmed input accepted and published (the public record), instead of the moderation mix. */
  publishAll?: boolean;
  log?: (line: string) => void;
}

/** Constituencies drawn with civil society, migrants and their organisations most frequent. */
const CONSTITUENCY_DRAW = [...CONSTITUENCY_KEYS, 'civil_society', 'civil_society', 'civil_society', 'migrants', 'migrants', 'migrant_diaspora_organisations'];
/** The share of inputs from each region on a global forum. */
const GLOBAL_REGION_DRAW = ['ECA', 'ECA', 'ECE', 'ECE', 'ECE', 'ECLAC', 'ECLAC', 'ESCAP', 'ESCAP', 'ESCWA', 'ESCWA'];

export async function seedQueue(sql: postgres.Sql, opts: SeedOptions): Promise<void> {
  const forumEdges = opts.forums.reduce<number[]>((edges, f) => [...edges, (edges.at(-1) ?? 0) + f.share], []);
  const pools = {
    sentences: SAMPLE_SENTENCES,
    titles: SAMPLE_TITLES,
    given: SAMPLE_NAMES.given,
    family: SAMPLE_NAMES.family,
    organisations: SAMPLE_NAMES.organisations,
    countries: Object.fromEntries(Object.entries(REGION_MEMBERS).map(([region, codes]) => [region, codes.split(' ')])),
    globalRegions: GLOBAL_REGION_DRAW,
    constituencies: CONSTITUENCY_DRAW,
    objectives: OBJECTIVE_KEYS,
    principles: PRINCIPLE_KEYS,
    rejectionCategories: REJECTION_CATEGORIES,
    forums: opts.forums.map((f, n) => ({ id: f.id, prefix: f.referencePrefix, region: f.region ?? null, upTo: forumEdges[n] })),
  };

  const log = opts.log ?? (() => {});
  let t0 = performance.now();
  const step = (what: string) => {
    log(`${what} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    t0 = performance.now();
  };
  await sql.begin(async (tx) => {
    // Building an index once over all rows is about twice as fast as growing it row by row (the
    // search index above all), so the table's plain indexes are set aside and rebuilt from the
    // definitions PostgreSQL holds for them: the same indexes the migrations made.
    const rebuilt = await tx<Array<{ name: string; definition: string }>>`
      select indexname as name, indexdef as definition from pg_indexes i
      where schemaname = current_schema() and tablename in ('submissions', 'public_search_entries')
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`;
    for (const index of rebuilt) await tx`drop index ${tx(index.name)}`;
    // Bulk work in one session: room to sort and build index entries in memory.
    await tx`set local work_mem = '64MB'`;
    await tx`set local maintenance_work_mem = '256MB'`;
    await tx`select setseed(0.2026)`;
    await tx`
      with p as (select ${JSON.stringify(pools)}::jsonb as j),
      -- Every random draw is made once per input here, so each later use of it agrees.
      draws as materialized (
        select i, i > ${opts.confirmed} as unconfirmed,
               random() as r_forum, random() as r_region, random() as r_country, random() as r_lang,
               random() as r_type, random() as r_group, random() as r_decision, random() as r_extra,
               random() as r_claim, random() as r_pii, random() as r_publish, random() as r_title, random() as r_name, random() as r_org,
               3 + floor(random() * 30)::int as sentences,
               1 + floor(random() * 4)::int as objectives,
               floor(random() * 3)::int as principles,
               -- Six weeks of arrivals, to the microsecond as now() stamps them.
               now() - random() * interval '42 days' as received_at
        from generate_series(1, ${opts.confirmed + opts.unconfirmed}) as i
      ),
      placed as (
        select d.*, f.value as forum,
               coalesce(f.value ->> 'region', p.j -> 'globalRegions' ->> floor(d.r_region * jsonb_array_length(p.j -> 'globalRegions'))::int) as region,
               case when d.r_lang < 0.45 then 'en' when d.r_lang < 0.65 then 'ar' when d.r_lang < 0.77 then 'fr'
                    when d.r_lang < 0.89 then 'es' when d.r_lang < 0.95 then 'ru' else 'zh' end as language,
               case when d.r_type < 0.35 then 'individual' when d.r_type < 0.9 then 'organisation' else 'network' end as submitter_type,
               case when d.unconfirmed then 'pending'
                    when ${opts.publishAll ?? false}::boolean then 'accepted'
                    when d.r_decision < 0.70 then 'pending' when d.r_decision < 0.73 then 'changes_requested'
                    when d.r_decision < 0.88 then 'accepted' when d.r_decision < 0.94 then 'rejected'
                    when d.r_decision < 0.97 and d.i > 100 then 'duplicate' else 'spam' end as decision,
               p.j -> 'given' ->> floor(d.r_name * jsonb_array_length(p.j -> 'given'))::int || ' ' ||
                 (p.j -> 'family' ->> floor(random() * jsonb_array_length(p.j -> 'family'))::int) as contact_name
        from draws d cross join p
        cross join lateral (
          select value from jsonb_array_elements(p.j -> 'forums') where d.r_forum < (value ->> 'upTo')::float8 order by (value ->> 'upTo')::float8 limit 1
        ) f
      ),
      written as (
        select x.*,
               x.received_at + (5 + x.r_extra * 2880) * interval '1 minute' as confirmed_at,
               p.j -> 'titles' -> x.language ->> floor(x.r_title * jsonb_array_length(p.j -> 'titles' -> x.language))::int as title,
               -- (Draws in an inner select: an aggregate over outer columns only would belong to the outer query.)
               (select string_agg(pick, ' ') from (
                  select p.j -> 'sentences' -> x.language ->> floor(random() * jsonb_array_length(p.j -> 'sentences' -> x.language))::int as pick
                  from generate_series(1, x.sentences)) picks) ||
               -- About 3% give an e-mail address in the text and 1% a phone number (Arabic inputs in Arabic-Indic digits).
               case when x.r_pii < 0.03 then ' Contact: person.' || x.i || '@mail.example.org'
                    when x.r_pii < 0.04 and x.language = 'ar' then ' هاتف: +' || translate('961 71 ' || lpad((x.i % 1000000)::text, 6, '0'), '0123456789', '٠١٢٣٤٥٦٧٨٩')
                    when x.r_pii < 0.04 then ' Tel. +961 71 ' || lpad((x.i % 1000000)::text, 6, '0')
                    else '' end as body,
               (select array_agg(distinct pick) from (
                  select p.j -> 'objectives' ->> floor(random() * jsonb_array_length(p.j -> 'objectives'))::int as pick
                  from generate_series(1, x.objectives)) picks) as objective_list,
               coalesce((select array_agg(distinct pick) from (
                  select p.j -> 'principles' ->> floor(random() * jsonb_array_length(p.j -> 'principles'))::int as pick
                  from generate_series(1, x.principles)) picks), '{}') as principle_list
        from placed x cross join p
      )
      insert into submissions (
        id, forum_id, reference, idempotency_key, interface_locale, submitter_type, contact_name, email, organisation,
        constituency, country, region, title, summary, body, language, objectives, principles,
        publish_name, publish_organisation, publish_attachments, content_sha256, content_salt, received_at, email_confirmed_at,
        decision, decision_reason, decided_at, decided_by, rejection_category, duplicate_of, claimed_by, claimed_until,
        published_at, status_token_hash, withdrawn_at
      )
      select
        md5('bench-submission-' || w.i)::uuid,
        (w.forum ->> 'id')::uuid,
        -- As formatReference: at least four digits (lpad alone would cut longer numbers).
        (w.forum ->> 'prefix') || '-' || to_char(row_number() over (partition by w.forum ->> 'id' order by w.received_at), 'FM999999990000'),
        md5('bench-idempotency-' || w.i)::uuid::text,
        case when w.language = 'ar' then 'ar' else 'en' end,
        w.submitter_type,
        w.contact_name,
        'person.' || w.i || '@example.org',
        case when w.submitter_type <> 'individual' then p.j -> 'organisations' ->> floor(w.r_org * jsonb_array_length(p.j -> 'organisations'))::int end,
        p.j -> 'constituencies' ->> floor(w.r_group * jsonb_array_length(p.j -> 'constituencies'))::int,
        p.j -> 'countries' -> w.region ->> floor(w.r_country * jsonb_array_length(p.j -> 'countries' -> w.region))::int,
        w.region,
        w.title,
        left(w.body, 160 + (w.i % 200)),
        w.body,
        w.language,
        w.objective_list,
        w.principle_list,
        w.r_publish < 0.4,
        w.r_publish < 0.7,
        w.r_publish < 0.3,
        encode(sha256(convert_to(w.title || w.body, 'UTF8')), 'hex'),
        md5(random()::text),
        w.received_at,
        case when not w.unconfirmed then w.confirmed_at end,
        w.decision,
        case w.decision when 'rejected' then 'The input is about a topic outside the Global Compact.'
                        when 'changes_requested' then 'Please remove the personal details from the text and send it again.' end,
        case when w.decision <> 'pending' then w.confirmed_at + (1 + w.r_claim * 200) * interval '1 hour' end,
        case when w.decision <> 'pending' then ${opts.staffId}::uuid end,
        case when w.decision = 'rejected' then p.j -> 'rejectionCategories' ->> floor(w.r_claim * jsonb_array_length(p.j -> 'rejectionCategories'))::int end,
        -- A duplicate repeats an input that arrived in the same seeding order shortly before.
        case when w.decision = 'duplicate' then md5('bench-submission-' || (w.i - 1 - floor(w.r_claim * 50)::int))::uuid end,
        case when w.decision = 'pending' and not w.unconfirmed and w.r_claim < 0.03 then ${opts.staffId}::uuid end,
        -- Half of the claims are live, half ran out long ago.
        case when w.decision = 'pending' and not w.unconfirmed and w.r_claim < 0.015 then now() + interval '20 minutes'
             when w.decision = 'pending' and not w.unconfirmed and w.r_claim < 0.03 then now() - interval '2 days' end,
        case when w.decision = 'accepted' then w.confirmed_at + (1 + w.r_claim * 200) * interval '1 hour' end,
        encode(sha256(convert_to('bench-status-token-' || w.i, 'UTF8')), 'hex'),
        case when w.decision = 'pending' and not w.unconfirmed and w.r_claim > 0.985 then w.confirmed_at + interval '3 days' end
      from written w cross join p
    `;
    step('inputs inserted');
    for (const index of rebuilt) await tx.unsafe(index.definition);
    step(`${rebuilt.length} indexes rebuilt`);
    // About one input in eight has a file, a few of those two.
    await tx`
      insert into attachments (forum_id, submission_id, storage_key, file_name, kind, media_type, size_bytes, sha256, position)
      select s.forum_id, s.id, 'bench/' || s.id || '/' || n, 'input-' || s.reference || '-' || n || '.pdf', 'pdf', 'application/pdf',
             20000 + (hashtext(s.id::text || n) & 1048575), encode(sha256(convert_to(s.id::text || n, 'UTF8')), 'hex'), n - 1
      from submissions s
      cross join lateral generate_series(1, case when abs(hashtext(s.reference)) % 100 < 3 then 2 else 1 end) n
      where s.email_confirmed_at is not null and abs(hashtext(s.reference)) % 100 < 12
    `;
    await tx`update forums f set last_reference_number = (select count(*) from submissions s where s.forum_id = f.id)`;
  });
  // As autovacuum would have by the time a queue holds this much: fresh planner statistics, the
  // visibility map (index-only scans) and the search index's pending list merged into the index.
  step('files inserted');
  // (ANALYZE evaluates the search index's expression on its whole sample: most of this step.)
  await sql`vacuum (analyze) submissions, public_search_entries, attachments, forums`;
  step('vacuumed and analysed');
}
