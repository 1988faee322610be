import { Form } from '@remix-run/react';
import { REJECTION_CATEGORIES } from '../../db/schema/rejection-categories';
import { useLocale } from '../lib/route-locale';
import type { ReviewView } from '../modules/moderation/review-view';
import type { DecisionFormProblem as DecisionProblem } from '../lib/decision-form.server';
import { CsrfField } from './CsrfField';
import { PublishTimeFields } from './PublishTimeFields';
import { SelectField, TextArea, TextField } from './form-fields';

/** The decisions open on a pending input, each its own form naming the version and the last event seen. */
export function DecisionPanel({ review, problem }: { review: ReviewView; problem?: DecisionProblem }) {
  const { t } = useLocale();
  const guard = (
    <>
      <CsrfField />
      <input type="hidden" name="version" value={review.version} />
      <input type="hidden" name="seen" value={review.lastAuditId} />
    </>
  );
  const valueOf = (field: DecisionProblem['field']) => (problem?.field === field ? problem.value : undefined);
  const errorOf = (field: DecisionProblem['field']) => {
    if (problem?.field !== field) return undefined;
    return t(field === 'original' && problem.error === 'error.invalid' ? 'staff.detail.originalUnknown' : problem.error);
  };
  return (
    <div className="card decision-panel">
      <Form method="post">
        {guard}
        <PublishTimeFields
          defaultValue={valueOf('publishAt') ?? review.publishAtDefault}
          timeZone={review.timeZone}
          error={problem?.field === 'publishAt' ? t(problem.error) : undefined}
        />
        <button className="button" type="submit" name="intent" value="accept">{t('staff.detail.accept')}</button>
      </Form>
      <Form method="post">
        {guard}
        <SelectField
          name="category"
          label={t('staff.detail.category')}
          error={errorOf('category')}
          placeholder={t('staff.detail.categoryChoose')}
          options={REJECTION_CATEGORIES.map((c) => ({ value: c, label: t(`rejection.${c}`) }))}
        />
        {/* A missing category comes back with the reason as typed. */}
        <TextArea name="reason" label={t('staff.detail.reason')} error={errorOf('reason')} defaultValue={valueOf('reason') ?? valueOf('category')} />
        <button className="button button-danger" type="submit" name="intent" value="reject">{t('staff.detail.reject')}</button>
      </Form>
      <Form method="post">
        {guard}
        <TextArea name="message" label={t('staff.detail.changesMessage')} error={errorOf('message')} defaultValue={valueOf('message')} />
        <button className="button button-secondary" type="submit" name="intent" value="changes">{t('staff.detail.requestChanges')}</button>
      </Form>
      <Form method="post">
        {guard}
        <TextField name="original" dir="ltr" label={t('staff.detail.original')} hint={t('staff.detail.originalHint')} error={errorOf('original')} defaultValue={valueOf('original')} />
        <button className="button button-secondary" type="submit" name="intent" value="duplicate">{t('staff.detail.markDuplicate')}</button>
      </Form>
      <Form method="post">
        {guard}
        <p className="hint">{t('staff.detail.spamHint')}</p>
        <button className="button button-secondary" type="submit" name="intent" value="spam">{t('staff.detail.markSpam')}</button>
      </Form>
    </div>
  );
}
