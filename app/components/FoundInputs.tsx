import { Link } from '@remix-run/react';
import type { MessageKey } from '../i18n/en';
import type { PublicListing } from '../lib/public-listing.server';
import { useLocale } from '../lib/route-locale';
import { isNarrowed } from '../modules/publication/search/public-search-params';
import { PublicAuthor } from './PublicAuthor';

/** How the listing says its count: of every published input or of those matching, exact or "more than" (a capped count). */
export function countHeadingKey(narrowed: boolean, capped: boolean): MessageKey {
  if (narrowed) return capped ? 'search.matchingMore' : 'search.matching';
  return capped ? 'search.resultsMore' : 'search.results';
}

/**
 * One page of the public listing: how many inputs match, each with its matching passage (matched
 * words in <mark>, text never treated as markup), and links to the next and first pages.
 * `showForum` names each input's forum (on the listing across forums).
 */
export function FoundInputs({ listing, showForum = false }: { listing: PublicListing; showForum?: boolean }) {
  const { locale, t } = useLocale();
  const narrowed = isNarrowed(listing.search);
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" aria-live="polite">
        {t(countHeadingKey(narrowed, listing.capped), { count: listing.total })}
      </h2>
      {listing.total === 0 ? <p>{narrowed ? t('search.none') : t('forum.noneYet')}</p> : null}
      <ul className="input-list">
        {listing.inputs.map((i) => (
          <li key={i.reference} className="card">
            <h3 lang={i.language} dir="auto"><Link to={`/${locale}/inputs/${i.reference}`}>{i.title}</Link></h3>
            <p className="hint">
              <bdi>{i.reference}</bdi> · <PublicAuthor {...i.author} /> · {i.constituency} · {i.country} · {i.publishedOn}
              {showForum ? <> · {t('search.in', { forum: i.forum.name })}</> : null}
            </p>
            <p lang={i.language} dir="auto" className="user-text snippet">
              {i.snippet.map((s, n) => (s.mark ? <mark key={n}>{s.text}</mark> : <span key={n}>{s.text}</span>))}
            </p>
          </li>
        ))}
      </ul>
      {listing.nextPage || listing.firstPage ? (
        <nav aria-label={t('search.pages')} className="pager">
          {listing.firstPage !== undefined ? <Link to={listing.firstPage}>{t('search.first')}</Link> : null}{' '}
          {listing.nextPage ? <Link to={listing.nextPage} rel="next">{t('search.next')}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
