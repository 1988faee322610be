import { translator } from '../../i18n/translate';
import { DEFAULT_LOCALE, isInterfaceLocale } from '../taxonomy/locales';

/** A file size for people: kilobytes below one megabyte, else megabytes with one decimal. */
export function fileSizeParts(bytes: number): { unit: 'kb' | 'mb'; size: number } {
  if (bytes < 1024 * 1024) return { unit: 'kb', size: Math.max(1, Math.round(bytes / 1024)) };
  return { unit: 'mb', size: Math.round((bytes / (1024 * 1024)) * 10) / 10 };
}

/** The size in words of one interface language (receipts, e-mails, pages). */
export function fileSizeLabel(bytes: number, locale: string): string {
  const t = translator(isInterfaceLocale(locale) ? locale : DEFAULT_LOCALE);
  const { unit, size } = fileSizeParts(bytes);
  return t(unit === 'mb' ? 'file.size.mb' : 'file.size.kb', { size });
}
