/**
 * Live counts under the text areas that have a limit (components/LengthCounter.tsx), counted by the
 * same code the server's check uses, so the counter and the verdict never disagree. Words are
 * counted by the rules of the language chosen on the form (CJK has no spaces between words).
 */
import { countCharacters, countWords } from '../modules/submissions/text-measure';
import { pageMessage } from './messages';

/** How long typing must pause before a screen reader hears the count. */
const SPEAK_AFTER_MS = 1000;

export function enhanceLengthCounters(root: Document): void {
  for (const field of root.querySelectorAll<HTMLTextAreaElement>('textarea[data-limit-max]')) {
    const shown = root.getElementById(`${field.id}-counter`);
    const spoken = root.getElementById(`${field.id}-counter-spoken`);
    if (!shown || !spoken) continue;
    const max = Number(field.dataset.limitMax);
    const words = field.dataset.limitUnit === 'words';
    let timer: ReturnType<typeof setTimeout> | undefined;

    const update = (speak: boolean) => {
      const language = (field.form?.elements.namedItem('language') as HTMLSelectElement | null)?.value || undefined;
      const count = words ? countWords(field.value, language) : countCharacters(field.value);
      const over = count > max;
      const message = over ? pageMessage(shown.dataset.over, { over: count - max }) : pageMessage(shown.dataset.within, { count, max });
      shown.textContent = message;
      shown.classList.toggle('counter-over', over);
      clearTimeout(timer);
      if (speak) timer = setTimeout(() => (spoken.textContent = message), SPEAK_AFTER_MS);
    };
    field.addEventListener('input', () => update(true));
    field.form?.addEventListener('change', (e) => {
      if ((e.target as Element).getAttribute('name') === 'language') update(false);
    });
    update(false);
  }
}
