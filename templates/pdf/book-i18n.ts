/** The fixed text of a book of inputs; languages not yet translated fall back to English. */
import { frBookText } from './text-fr';
import { esBookText } from './text-es';
import { ruBookText } from './text-ru';
import { zhBookText } from './text-zh';
const en = {
  title: 'Written inputs to {forum}',
  published: 'The {count} inputs published by {date}, grouped by {grouping}.',
  groupingConstituency: 'stakeholder group',
  groupingObjective: 'GCM objective',
  objectiveNote: 'An input addressing several objectives appears under each of them.',
  contents: 'Contents',
  reference: 'Reference',
  by: 'Submitted by',
  summary: 'Summary',
  page: 'Page {n} of {total}',
};
export type BookTextKey = keyof typeof en;
const ar: Record<BookTextKey, string> = {
  title: 'المساهمات المكتوبة المقدَّمة إلى {forum}',
  published: 'المساهمات المنشورة حتى {date}، وعددها {count}، مجمّعة بحسب {grouping}.',
  groupingConstituency: 'فئة أصحاب المصلحة',
  groupingObjective: 'هدف الاتفاق العالمي',
  objectiveNote: 'تَرِد المساهمة التي تتناول عدة أهداف تحت كل هدف منها.',
  contents: 'المحتويات',
  reference: 'الرقم المرجعي',
  by: 'مقدَّمة من',
  summary: 'الملخص',
  page: 'الصفحة {n} من {total}',
};
/** Every interface language's text (tests check keys and placeholders). */
export const BOOK_TEXTS: Record<string, Record<BookTextKey, string>> = { en, ar, fr: frBookText, es: esBookText, ru: ruBookText, zh: zhBookText };

export function bookText(locale: string, key: BookTextKey, values: Record<string, string> = {}): string {
  return (BOOK_TEXTS[locale] ?? en)[key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}
