/**
 * A list in words as the language writes it ("a, b and c", "a، وb", "a、b和c"), through Intl.
 * For text made on the server (loaders, static pages, e-mails, PDFs): a browser's ICU data may
 * word lists differently, and a hydrated page must show the text its server rendered.
 */
export function formatList(locale: string, items: readonly string[], type: Intl.ListFormatType = 'conjunction'): string {
  return new Intl.ListFormat(locale, { type, style: 'long' }).format(items);
}
