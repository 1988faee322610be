import { useEffect, useState } from 'react';
import { countCharacters, countWords } from '../modules/submissions/text-measure';
import { useLocale } from '../lib/route-locale';

export interface LengthLimit {
  unit: 'words' | 'characters';
  max: number;
}

/** The same counting the server applies, so the counter and the verdict never disagree. */
export function measure(text: string, unit: LengthLimit['unit'], language?: string): number {
  return unit === 'words' ? countWords(text, language) : countCharacters(text);
}

/**
 * Live count under a text area, shown only once JavaScript runs (without it, the hint states the
 * limit and the server enforces it). Screen readers hear the count after typing pauses, not on
 * every key.
 */
export function LengthCounter({ fieldId, limit, text, language }: { fieldId: string; limit: LengthLimit; text: string | null; language?: string }) {
  const { t, locale } = useLocale();
  const [announced, setAnnounced] = useState('');
  const count = text === null ? null : measure(text, limit.unit, language);
  const format = (n: number) => new Intl.NumberFormat(locale).format(n);
  const message =
    count === null
      ? ''
      : count > limit.max
        ? t(limit.unit === 'words' ? 'form.counter.wordsOver' : 'form.counter.charactersOver', { over: format(count - limit.max) })
        : t(limit.unit === 'words' ? 'form.counter.words' : 'form.counter.characters', { count: format(count), max: format(limit.max) });
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(message), 1000);
    return () => clearTimeout(timer);
  }, [message]);
  if (count === null) return null;
  return (
    <>
      <p id={`${fieldId}-counter`} className={count > limit.max ? 'counter counter-over' : 'counter'} aria-hidden="true">{message}</p>
      <p className="visually-hidden" aria-live="polite">{announced}</p>
    </>
  );
}
