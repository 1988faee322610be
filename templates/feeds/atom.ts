/**
 * An Atom feed (RFC 4287) of published inputs, with tombstones (RFC 6721) for inputs the
 * secretariat withdrew from publication, so a reader that copied an entry learns to remove it.
 * Pure: data in, XML text out.
 */

export interface AtomEntry {
  /** Permanent id of the input (a tag: URI that never changes with the site's language or address). */
  id: string;
  title: string;
  summary: string;
  /** Language the input is written in (xml:lang of its title and summary). */
  language: string;
  url: string;
  published: Date;
  updated: Date;
  /** Name and/or organisation as the submitter consented; absent, the feed's author stands. */
  author?: string;
  categories: Array<{ term: string; label: string }>;
}

export interface AtomTombstone {
  id: string;
  when: Date;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** Interface language of the feed's own words. */
  language: string;
  selfUrl: string;
  pageUrl: string;
  author: string;
  updated: Date;
  entries: AtomEntry[];
  tombstones: AtomTombstone[];
}

// Characters XML 1.0 cannot carry at all (input is checked on the way in; this is the last guard).
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const time = (d: Date) => d.toISOString();

function entryXml(e: AtomEntry): string {
  return [
    '  <entry>',
    `    <id>${xmlText(e.id)}</id>`,
    `    <title type="text" xml:lang="${xmlText(e.language)}">${xmlText(e.title)}</title>`,
    `    <summary type="text" xml:lang="${xmlText(e.language)}">${xmlText(e.summary)}</summary>`,
    `    <link rel="alternate" type="text/html" href="${xmlText(e.url)}"/>`,
    `    <published>${time(e.published)}</published>`,
    `    <updated>${time(e.updated)}</updated>`,
    ...(e.author ? [`    <author><name>${xmlText(e.author)}</name></author>`] : []),
    ...e.categories.map((c) => `    <category term="${xmlText(c.term)}" label="${xmlText(c.label)}"/>`),
    '  </entry>',
  ].join('\n');
}

export function renderAtomFeed(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:at="http://purl.org/atompub/tombstones/1.0" xml:lang="${xmlText(feed.language)}">`,
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title type="text">${xmlText(feed.title)}</title>`,
    `  <updated>${time(feed.updated)}</updated>`,
    `  <author><name>${xmlText(feed.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.pageUrl)}"/>`,
    ...feed.tombstones.map((t) => `  <at:deleted-entry ref="${xmlText(t.id)}" when="${time(t.when)}"/>`),
    ...feed.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}
