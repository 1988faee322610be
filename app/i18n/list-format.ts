/**
 * A list in words as the language writes it ("a, b and c", "a وb", "a、b和c"), through Intl.
 * For text made on the server (loaders, actions, static pages, e-mails, PDFs): a browser's ICU
 * data may word lists differently, and a hydrated page must show the text its server rendered.
 */
export function formatList(locale: string, items: readonly string[], type: Intl.ListFormatType = 'conjunction'): string {
  return new Intl.ListFormat(locale, { type, style: 'long' }).format(items);
}

/** One piece of a list in words: an item, or the words and marks between items. */
export interface ListPart {
  type: 'element' | 'literal';
  value: string;
}

/**
 * The same list in pieces, for pages that set each item apart (names and references isolated in
 * <bdi>, components/ListOf.tsx) while the language's own words join them.
 */
export function listParts(locale: string, items: readonly string[], type: Intl.ListFormatType = 'conjunction'): ListPart[] {
  return new Intl.ListFormat(locale, { type, style: 'long' }).formatToParts(items).map(({ type: kind, value }) => ({ type: kind, value }));
}
