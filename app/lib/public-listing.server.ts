/**
 * What a page of the public listing needs, for a forum's page and for the listing across forums:
 * the search read from the address, one page of results labelled in the interface language, and
 * the address of the next page.
 */
import type { Db } from '../../db/client';
import { parsePublicSearch, publicSearchQuery } from '../modules/publication/search/public-search-params';
import { searchPublishedInputs } from '../modules/publication/search/search-published-inputs';
import { constituencyLabel } from '../modules/taxonomy/constituencies';
import { countryName } from '../modules/taxonomy/countries';
import { pickLabel } from '../modules/taxonomy/locales';
import { submitterTypeLabel } from '../modules/taxonomy/submitter-types';

export async function loadPublicListing(db: Db, request: Request, locale: string, forumId?: string) {
  const url = new URL(request.url);
  const search = parsePublicSearch(url.searchParams);
  const at = (query: string) => (query ? `${url.pathname}?${query}` : url.pathname);
  // A forum's page lists that forum only; a forum named in its address means nothing there.
  if (forumId) search.forum = undefined;
  const page = await searchPublishedInputs(db, forumId, search);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    search,
    total: page.total,
    capped: page.capped,
    // Only the first page's address when on a later one, for a way back.
    firstPage: search.after ? at(publicSearchQuery(search)) : undefined,
    nextPage: page.next ? at(publicSearchQuery(search, { after: page.next })) : undefined,
    inputs: page.inputs.map((i) => ({
      reference: i.reference,
      title: i.title,
      snippet: i.snippet,
      language: i.language,
      author: { name: i.authorName, organisation: i.authorOrganisation, submitterType: submitterTypeLabel(i.submitterType, locale) },
      constituency: constituencyLabel(i.constituency, locale),
      country: countryName(i.country, locale),
      forum: { slug: i.forumSlug, name: pickLabel(i.forumName, locale) },
      publishedOn: date.format(i.publishedAt!),
    })),
  };
}

export type PublicListing = Awaited<ReturnType<typeof loadPublicListing>>;
