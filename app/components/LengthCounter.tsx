import { messageForms } from '../i18n/translate';
import { useLocale } from '../lib/route-locale';

export interface LengthLimit {
  unit: 'words' | 'characters';
  max: number;
}

/**
 * The place of the live count under a text area. The enhance script (app/enhance/length-counters.ts)
 * fills it as people type, counting as the server does; without JavaScript it stays empty and the
 * hint states the limit. Its line is kept from the start, so nothing below it moves when it fills. Screen readers hear the count after typing pauses, not on every key.
 */
export function LengthCounter({ fieldId, limit }: { fieldId: string; limit: LengthLimit }) {
  const { locale } = useLocale();
  const words = limit.unit === 'words';
  return (
    <>
      <p
        id={`${fieldId}-counter`}
        className="counter"
        aria-hidden="true"
        data-within={JSON.stringify(messageForms(locale, words ? 'form.counter.words' : 'form.counter.characters'))}
        data-over={JSON.stringify(messageForms(locale, words ? 'form.counter.wordsOver' : 'form.counter.charactersOver'))}
      />
      <p id={`${fieldId}-counter-spoken`} className="visually-hidden" aria-live="polite" />
    </>
  );
}
