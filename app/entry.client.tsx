import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { registerCatalogue, type Catalogue } from './i18n/catalogue-registry';
import { DEFAULT_LOCALE, isInterfaceLocale } from './modules/taxonomy/locales';

/**
 * The client application (staff pages) gets its page's language in the page itself (root.tsx), so
 * hydration waits on no further request. A page never changes language without a full load: the
 * language switcher's links are plain links.
 */
const lang = document.documentElement.lang;
const messages = document.getElementById('interface-messages')?.textContent;
if (messages) registerCatalogue(isInterfaceLocale(lang) ? lang : DEFAULT_LOCALE, JSON.parse(messages) as Catalogue);

/**
 * Remix suspends its first render until it has decoded the page's data (its single-fetch stream).
 * If a person types or clicks in that moment, React hydrates at once, meets the suspension and
 * fails ("Root did not complete", remix-run/react-router#12763). So the decoding is started and
 * awaited before hydration begins: RemixBrowser, called before its state is ready, throws the
 * promise of that decoding, and does nothing else.
 */
async function pageDataDecoded(): Promise<void> {
  try {
    (RemixBrowser as (props: object) => unknown)({});
  } catch (pending) {
    if (pending instanceof Promise) await pending;
    else throw pending;
  }
}

void pageDataDecoded().then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
