/** Russian fixed text of the PDFs: the receipt, a published input and the book of inputs. */
import type { ReceiptTextKey } from './receipt-i18n';
import type { PublicationTextKey } from './publication-i18n';
import type { BookTextKey } from './book-i18n';

export const ruReceipt: Record<ReceiptTextKey, string> = {
  title: 'Квитанция о получении письменного материала',
  reference: 'Регистрационный номер',
  receivedUtc: 'Получено (UTC)',
  receivedLocal: 'Получено (по часовому поясу форума)',
  submitted: 'Что было получено',
  digest: 'Хеш-сумма SHA-256 представленного содержимого',
  digestNote: 'Эта хеш-сумма точно идентифицирует приведенное выше содержимое. Сохраните эту квитанцию как подтверждение того, что вы представили материал.',
  page: 'Страница {n} из {total}',
  attachments: 'Прилагаемые файлы',
  attachmentDigest: 'Хеш-сумма SHA-256 файла',
};

export const ruPublicationText: Record<PublicationTextKey, string> = {
  kind: 'Письменный материал',
  reference: 'Регистрационный номер',
  by: 'Кем представлен',
  constituency: 'Группа заинтересованных сторон',
  country: 'Страна',
  language: 'Язык материала',
  objectives: 'Цели ГДМ',
  principles: 'Руководящие принципы',
  published: 'Опубликовано',
  summary: 'Краткое содержание',
  text: 'Полный текст',
  attachments: 'Файлы, опубликованные вместе с материалом',
  cite: 'Как цитировать этот материал',
  source: 'Опубликовано на портале письменных материалов для форумов по обзору Глобального договора о миграции:',
  page: 'Страница {n} из {total}',
};

export const ruBookText: Record<BookTextKey, string> = {
  title: 'Письменные материалы для форума «{forum}»',
  published: 'Материалы, опубликованные по состоянию на {date} (всего: {count}), сгруппированные по {grouping}.',
  groupingConstituency: 'группам заинтересованных сторон',
  groupingObjective: 'целям ГДМ',
  objectiveNote: 'Материал, затрагивающий несколько целей, приводится под каждой из них.',
  contents: 'Содержание',
  reference: 'Регистрационный номер',
  by: 'Кем представлен',
  summary: 'Краткое содержание',
  page: 'Страница {n} из {total}',
};
