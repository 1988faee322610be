/** Spanish text of the PDFs: the receipt, a published input and a book of inputs. */
import type { BookTextKey } from './book-i18n';
import type { PublicationTextKey } from './publication-i18n';
import type { ReceiptTextKey } from './receipt-i18n';

export const esReceipt: Record<ReceiptTextKey, string> = {
  title: 'Comprobante de recepción de una contribución por escrito',
  reference: 'Referencia',
  receivedUtc: 'Recibida (UTC)',
  receivedLocal: 'Recibida (huso horario del foro)',
  submitted: 'Contenido recibido',
  digest: 'Resumen SHA-256 del contenido enviado',
  digestNote: 'Este resumen identifica exactamente el contenido anterior. Conserve este comprobante como prueba de su envío.',
  page: 'Página {n} de {total}',
  attachments: 'Archivos adjuntos',
  attachmentDigest: 'SHA-256 del archivo',
};

export const esPublicationText: Record<PublicationTextKey, string> = {
  kind: 'Contribución por escrito',
  reference: 'Referencia',
  by: 'Enviada por',
  constituency: 'Grupo de partes interesadas',
  country: 'País',
  language: 'Idioma de la contribución',
  objectives: 'Objetivos del Pacto Mundial',
  principles: 'Principios rectores',
  published: 'Publicada',
  summary: 'Resumen',
  text: 'Texto completo',
  attachments: 'Archivos publicados con la contribución',
  cite: 'Cómo citar esta contribución',
  source: 'Publicada en el portal de contribuciones por escrito a los foros de examen del Pacto Mundial sobre Migración:',
  page: 'Página {n} de {total}',
};

export const esBookText: Record<BookTextKey, string> = {
  title: 'Contribuciones por escrito a {forum}',
  published: 'Contribuciones publicadas hasta el {date} (total: {count}), agrupadas por {grouping}.',
  groupingConstituency: 'grupo de partes interesadas',
  groupingObjective: 'objetivo del Pacto Mundial',
  objectiveNote: 'Una contribución que aborda varios objetivos figura en cada uno de ellos.',
  contents: 'Índice',
  reference: 'Referencia',
  by: 'Enviada por',
  summary: 'Resumen',
  page: 'Página {n} de {total}',
};
