import { splitByHints } from '../modules/moderation/personal-data-hints';
import { useLocale } from '../lib/route-locale';

/**
 * An input's text for staff, with what looks like an e-mail address or a phone number marked,
 * so the person preparing the public version sees it. The marks are labelled for screen readers.
 */
export function HintedText({ text }: { text: string }) {
  const { t } = useLocale();
  return (
    <>
      {splitByHints(text).map((part, i) =>
        part.hint ? (
          <mark key={i} className="personal-data" title={t(`staff.hint.${part.hint}`)} aria-label={`${t(`staff.hint.${part.hint}`)}: ${part.text}`}>
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
