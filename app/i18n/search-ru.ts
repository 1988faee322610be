/** Russian text of the public listing's search; part of the Russian catalogue. */
import type { enSearch } from './search-en';

export const ruSearch: Record<keyof typeof enSearch, string> = {
  'search.allTitle': 'Опубликованные материалы для форумов по обзору',
  'search.allIntro': 'Письменные материалы для всех форумов по обзору, принятые и опубликованные секретариатом. Ищите их на любом языке ООН или сужайте выборку по затрагиваемым вопросам и отправителям.',
  'search.allLink': 'Поиск по опубликованным материалам всех форумов',
  'search.form': 'Поиск по опубликованным материалам',
  'search.q': 'Искомые слова',
  'search.q.hint': 'На любом языке ООН. Заключите слова в "кавычки", чтобы найти их вместе, пишите or между вариантами и ставьте знак минуса перед словом, чтобы исключить его.',
  'search.any': 'Все',
  'search.forum': 'Форум',
  'search.objective': 'Цель ГДМ',
  'search.principle': 'Руководящий принцип',
  'search.sort': 'Порядок',
  'search.sort.relevance': 'Сначала совпадения в заголовке или кратком содержании, затем самые новые',
  'search.sort.newest': 'Сначала самые новые',
  'search.sort.oldest': 'Сначала самые ранние',
  'search.submit': 'Найти',
  'search.clear': 'Сбросить поиск',
  'search.results': 'Опубликованные материалы: {count}',
  'search.matching': 'Найдено опубликованных материалов: {count}',
  'search.matchingMore': 'Найдено более {count} опубликованных материалов',
  'search.none': 'Опубликованных материалов, соответствующих запросу, нет. Попробуйте другие слова, меньше слов или меньше фильтров.',
  'search.next': 'Следующая страница',
  'search.first': 'Первая страница',
  'search.pages': 'Страницы результатов',
  'search.in': 'Форум: {forum}',
};
