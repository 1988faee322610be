import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { negotiateLocale } from '../i18n/translate';

/** The bare address sends each visitor to the home page in their browser's language. */
export function loader({ request }: LoaderFunctionArgs) {
  return redirect(`/${negotiateLocale(request.headers.get('Accept-Language'))}`, { headers: { Vary: 'Accept-Language' } });
}
