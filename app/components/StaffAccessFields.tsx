import { ChoiceGroup } from './form-fields';
import { useLocale } from '../lib/route-locale';

export interface StaffAccessValues {
  role?: string;
  forumScope?: string;
  forumIds?: string[];
}

/** Role and forums of a staff member: the same fields when inviting and when changing access. */
export function StaffAccessFields({
  values,
  errors,
  forums,
}: {
  values: StaffAccessValues;
  errors: Record<string, string>;
  forums: Array<{ id: string; name: string }>;
}) {
  const { t } = useLocale();
  const error = (field: string) => (errors[field] ? t(errors[field] as Parameters<typeof t>[0]) : undefined);
  return (
    <>
      <ChoiceGroup
        kind="radio"
        name="role"
        label={t('staff.team.role')}
        error={error('role')}
        defaultValues={values.role ? [values.role] : []}
        options={[
          { value: 'moderator', label: t('staff.role.moderator.long') },
          { value: 'admin', label: t('staff.role.admin.long') },
        ]}
      />
      <ChoiceGroup
        kind="radio"
        name="forumScope"
        label={t('staff.team.forumScope')}
        hint={t('staff.team.forumScopeHint')}
        // With no forum to tick, a "no forum ticked" error belongs to this choice.
        error={error('forumScope') ?? (forums.length === 0 ? error('forumIds') : undefined)}
        defaultValues={[values.forumScope ?? 'all']}
        options={[
          { value: 'all', label: t('staff.team.allForums') },
          { value: 'some', label: t('staff.team.someForums') },
        ]}
      />
      {forums.length === 0 ? null : (
      <ChoiceGroup
        kind="checkbox"
        name="forumIds"
        label={t('staff.team.forums')}
        error={error('forumIds')}
        defaultValues={values.forumIds ?? []}
        options={forums.map((f) => ({ value: f.id, label: f.name }))}
      />
      )}
    </>
  );
}
