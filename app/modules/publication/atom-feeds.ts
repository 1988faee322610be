/**
 * The Atom feeds of the public record: the newest published inputs of one forum or of all, with
 * tombstones for inputs withdrawn from publication. Ids are tag: URIs minted from the site's host,
 * so an entry keeps its id in every interface language.
 */
import type { Db } from '../../../db/client';
import type { Forum } from '../../../db/schema';
import { renderAtomFeed, type AtomEntry } from '../../../templates/feeds/atom';
import { translator } from '../../i18n/translate';
import { pickLabel, type InterfaceLocale } from '../taxonomy/locales';
import { objectiveLabel } from '../taxonomy/objectives';
import { listPublishedInputs, listWithdrawnFromPublication } from './public-inputs';

const FEED_SIZE = 50;

function tagUri(appUrl: string, what: string): string {
  return `tag:${new URL(appUrl).hostname},2026:${what}`;
}

/** The feed of one forum, or of every forum when `forum` is undefined, in the interface language `locale`. */
export async function buildAtomFeed(db: Db, args: { forum?: Forum; locale: InterfaceLocale; appUrl: string }): Promise<string> {
  const { forum, locale, appUrl } = args;
  const t = translator(locale);
  const [inputs, withdrawn] = await Promise.all([
    listPublishedInputs(db, forum?.id, FEED_SIZE),
    listWithdrawnFromPublication(db, forum?.id, FEED_SIZE),
  ]);
  const at = (path: string) => new URL(path, appUrl).toString();
  const entries: AtomEntry[] = inputs.map((i) => ({
    id: tagUri(appUrl, `input/${i.reference}`),
    title: i.title,
    summary: i.summary,
    language: i.language,
    url: at(`/${locale}/inputs/${i.reference}`),
    published: i.publishedAt!,
    updated: i.updatedAt,
    author: [i.authorName, i.authorOrganisation].filter(Boolean).join(', ') || undefined,
    categories: i.objectives.map((o) => ({ term: `objective-${o}`, label: objectiveLabel(o, locale) })),
  }));
  const tombstones = withdrawn.map((w) => ({ id: tagUri(appUrl, `input/${w.reference}`), when: w.unpublishedAt }));
  const times = [...entries.map((e) => e.updated), ...tombstones.map((w) => w.when)];
  return renderAtomFeed({
    id: tagUri(appUrl, forum ? `forum/${forum.slug}` : 'inputs'),
    title: forum ? t('feed.forumTitle', { forum: pickLabel(forum.name, locale) }) : t('feed.allTitle'),
    language: locale,
    selfUrl: at(forum ? `/${locale}/forums/${forum.slug}/feed.atom` : `/${locale}/feed.atom`),
    pageUrl: at(forum ? `/${locale}/forums/${forum.slug}` : `/${locale}`),
    author: t('feed.author'),
    // An empty feed still needs a time: the forum's opening (or the epoch of the record).
    updated: times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : (forum?.opensAt ?? new Date(0)),
    entries,
    tombstones,
  });
}
