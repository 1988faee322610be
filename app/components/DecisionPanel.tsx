import { Form } from '@remix-run/react';
import { REJECTION_CATEGORIES } from '../../db/schema/rejection-categories';
import type { translator } from '../i18n/translate';
import { useLocale } from '../lib/route-locale';
import type { ReviewView } from '../modules/moderation/review-view';
import type { DecisionField, DecisionFieldError, DecisionFormProblems } from '../lib/decision-form.server';
import { CsrfField } from './CsrfField';
import { PublishTimeFields } from './PublishTimeFields';
import { SelectField, TextArea, TextField, type SummaryError } from './form-fields';

type T = ReturnType<typeof translator>;

/** Each decision field's label, as its form shows it (and its error summary names it). */
export function decisionFieldLabel(field: DecisionField, t: T, timeZone: string): string {
  return field === 'publishAt' ? t('publication.publishAt', { zone: timeZone })
    : field === 'category' ? t('staff.detail.category')
    : field === 'reason' ? t('staff.detail.reason')
    : field === 'message' ? t('staff.detail.changesMessage')
    : t('staff.detail.original');
}

/** The message of a decision field's problem. */
export function decisionErrorMessage(field: DecisionField, error: DecisionFieldError, t: T): string {
  return t(field === 'original' && error === 'error.invalid' ? 'staff.detail.originalUnknown' : error);
}

/** A refused decision's problems for the page's error summary, each linked to its field. */
export function decisionSummary(problems: DecisionFormProblems | undefined, t: T, timeZone: string): SummaryError[] {
  return (problems?.errors ?? []).map(({ field, error }) => ({ field, label: decisionFieldLabel(field, t, timeZone), message: decisionErrorMessage(field, error, t) }));
}

/** The decisions open on a pending input, each its own form naming the version and the last event seen. */
export function DecisionPanel({ review, problems }: { review: ReviewView; problems?: DecisionFormProblems }) {
  const { t } = useLocale();
  const guard = (
    <>
      <CsrfField />
      <input type="hidden" name="version" value={review.version} />
      <input type="hidden" name="seen" value={review.lastAuditId} />
    </>
  );
  const valueOf = (field: DecisionField) => problems?.values[field];
  const errorOf = (field: DecisionField) => {
    const found = problems?.errors.find((e) => e.field === field);
    return found ? decisionErrorMessage(field, found.error, t) : undefined;
  };
  return (
    <div className="card decision-panel">
      <Form method="post">
        {guard}
        <PublishTimeFields
          defaultValue={valueOf('publishAt') ?? review.publishAtDefault}
          timeZone={review.timeZone}
          error={errorOf('publishAt')}
        />
        <button className="button" type="submit" name="intent" value="accept">{t('staff.detail.accept')}</button>
      </Form>
      <Form method="post">
        {guard}
        <SelectField
          name="category"
          label={t('staff.detail.category')}
          error={errorOf('category')}
          defaultValue={valueOf('category')}
          placeholder={t('staff.detail.categoryChoose')}
          options={REJECTION_CATEGORIES.map((c) => ({ value: c, label: t(`rejection.${c}`) }))}
        />
        <TextArea name="reason" label={t('staff.detail.reason')} error={errorOf('reason')} defaultValue={valueOf('reason')} />
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
