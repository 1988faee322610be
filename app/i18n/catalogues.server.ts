/**
 * All six interface catalogues, loaded into this process on import: the web server's render, the
 * worker (e-mails, PDFs), benchmarks and tests. Browsers load one language instead (entry.client.tsx).
 */
import type { InterfaceLocale } from '../modules/taxonomy/locales';
import { ar } from './ar';
import { registerCatalogue, type Catalogue } from './catalogue-registry';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { ru } from './ru';
import { zh } from './zh';

/** Every interface language's catalogue, key for key the English one (tests check placeholders and use). */
export const CATALOGUES: Record<InterfaceLocale, Catalogue> = { ar, zh, en, fr, ru, es };

for (const [locale, catalogue] of Object.entries(CATALOGUES)) registerCatalogue(locale as InterfaceLocale, catalogue);
