import { ChoiceGroup, type SummaryError } from './form-fields';
import type { translator } from '../i18n/translate';
import { useLocale } from '../lib/route-locale';

export interface StaffAccessValues {
  role?: string;
  forumScope?: string;
  forumIds?: string[];
}

/**
 * The access fields' problems for an error summary, in the fields' order, each linked to the field
 * that shows it (with no forum to tick, a "no forum ticked" error is shown by the forum scope).
 */
export function staffAccessProblems(errors: Record<string, string>, forumCount: number, t: ReturnType<typeof translator>): SummaryError[] {
  const message = (field: string) => t(errors[field] as Parameters<typeof t>[0]);
  const found: SummaryError[] = [];
  if (errors.role) found.push({ field: 'role', label: t('staff.team.role'), message: message('role') });
  if (errors.forumScope) found.push({ field: 'forumScope', label: t('staff.team.forumScope'), message: message('forumScope') });
  if (errors.forumIds && forumCount > 0) found.push({ field: 'forumIds', label: t('staff.team.forums'), message: message('forumIds') });
  else if (errors.forumIds && !errors.forumScope) found.push({ field: 'forumScope', label: t('staff.team.forumScope'), message: message('forumIds') });
  return found;
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
