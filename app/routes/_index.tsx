import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { negotiateLocale } from '../i18n/translate';
import { isInterfaceLocale } from '../modules/taxonomy/locales';

/**
 * The bare address opens the home page in the language used last (a cookie set by any page in a
 * language), else in the browser's language.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const remembered: unknown = await context.cookies.language.parse(request.headers.get('Cookie'));
  const locale = isInterfaceLocale(remembered) ? remembered : negotiateLocale(request.headers.get('Accept-Language'));
  return redirect(`/${locale}`, { headers: { Vary: 'Accept-Language, Cookie' } });
}
