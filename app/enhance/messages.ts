/** Messages the server rendered into data attributes, filled in the page's language. */
import { formatMessage, type MessageForms } from '../i18n/message-format';

export function pageMessage(json: string | undefined, params: Record<string, string | number>): string {
  const lang = document.documentElement.lang;
  const forms = JSON.parse(json ?? '{"message":""}') as MessageForms;
  return formatMessage(forms, params, new Intl.NumberFormat(lang), new Intl.PluralRules(lang));
}
