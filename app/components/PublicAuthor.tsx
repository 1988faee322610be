import { Interpolate } from './Interpolate';
import { useLocale } from '../lib/route-locale';

/**
 * Who an input is by, as far as the submitter consented: name and organisation, either one, or
 * only the kind of submitter when both were withheld. Names are isolated with <bdi>.
 */
export function PublicAuthor({ name, organisation, submitterType }: { name: string | null; organisation: string | null; submitterType: string }) {
  const { t } = useLocale();
  if (name && organisation) return <Interpolate template={t('input.nameAndOrganisation')} values={{ name, organisation }} />;
  if (name || organisation) return <bdi>{name ?? organisation}</bdi>;
  return <>{t('input.nameWithheld', { type: submitterType })}</>;
}
