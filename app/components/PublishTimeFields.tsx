import { useLocale } from '../lib/route-locale';
import { ChoiceGroup, TextField } from './form-fields';

/**
 * When to publish: at once or at a date and time in the forum's time zone (offered first: the
 * call's close). `onlyTime` shows just the date and time, for a form that always schedules.
 * Plain fields, so it works without JavaScript.
 */
export function PublishTimeFields(props: { onlyTime?: boolean; defaultValue: string; timeZone: string; error?: string }) {
  const { t } = useLocale();
  const time = (
    <TextField
      name="publishAt"
      type="datetime-local"
      label={t('publication.publishAt', { zone: props.timeZone })}
      hint={props.onlyTime ? undefined : t('publication.publishAtHint')}
      defaultValue={props.defaultValue}
      error={props.error}
      step={60}
    />
  );
  if (props.onlyTime) return time;
  return (
    <>
      <ChoiceGroup
        kind="radio"
        name="publish"
        label={t('publication.when')}
        defaultValues={[props.error ? 'scheduled' : 'now']}
        options={[
          { value: 'now', label: t('publication.when.now') },
          { value: 'scheduled', label: t('publication.when.scheduled') },
        ]}
      />
      {time}
    </>
  );
}
