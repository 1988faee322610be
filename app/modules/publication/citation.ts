/**
 * "Cite this": how a published input is referred to in reports (the Secretary-General's among
 * them), the same on its page and in its PDF. The author is the organisation where its
 * publication was consented, else the consented name, else the kind of submitter.
 */
import { translator } from '../../i18n/translate';
import { isInterfaceLocale } from '../taxonomy/locales';
import { submitterTypeLabel } from '../taxonomy/submitter-types';

export interface CitedInput {
  reference: string;
  title: string;
  authorName: string | null;
  authorOrganisation: string | null;
  submitterType: string;
  publishedAt: Date;
  forumName: string;
}

const translate = (locale: string) => translator(isInterfaceLocale(locale) ? locale : 'en');

/** The parts of the citation, for a page to set each apart from the sentence around it (<bdi>). */
export function citationValues(input: CitedInput, locale: string, url: string) {
  const author = input.authorOrganisation ?? input.authorName ?? translate(locale)('cite.unnamed', { type: submitterTypeLabel(input.submitterType, locale) });
  return { author, year: String(input.publishedAt.getUTCFullYear()), title: input.title, reference: input.reference, forum: input.forumName, url };
}

/** The citation as one line of text (in the PDF). */
export function citationOf(input: CitedInput, locale: string, url: string): string {
  return translate(locale)('cite.text', citationValues(input, locale, url));
}
