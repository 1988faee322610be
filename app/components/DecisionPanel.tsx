import { Form } from '@remix-run/react';
import { REJECTION_CATEGORIES } from '../../db/schema/rejection-categories';
import { useLocale } from '../lib/route-locale';
import type { ReviewView } from '../modules/moderation/review-view';
import { CsrfField } from './CsrfField';

export interface DecisionProblem {
  field: 'reason' | 'message' | 'category' | 'original';
  error: 'error.required' | 'error.invalidCharacters' | 'error.tooLong' | 'error.invalid';
  value: string;
}

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
  const errorOf = (field: DecisionProblem['field']) => (problem?.field === field ? problem : undefined);
  const fieldProps = (field: DecisionProblem['field']) => {
    const p = errorOf(field);
    return { 'aria-invalid': p ? true : undefined, 'aria-describedby': p ? `${field}-error` : undefined };
  };
  const errorText = (field: DecisionProblem['field']) => {
    const p = errorOf(field);
    return p ? <p id={`${field}-error`} className="field-error">{t(field === 'original' && p.error === 'error.invalid' ? 'staff.detail.originalUnknown' : p.error)}</p> : null;
  };
  return (
    <div className="card decision-panel">
      <Form method="post">
        {guard}
        <button className="button" type="submit" name="intent" value="accept">{t('staff.detail.accept')}</button>
      </Form>
      <Form method="post">
        {guard}
        <div className="field">
          <label htmlFor="category">{t('staff.detail.category')}</label>
          {errorText('category')}
          <select id="category" name="category" defaultValue="" {...fieldProps('category')}>
            <option value="">{t('staff.detail.categoryChoose')}</option>
            {REJECTION_CATEGORIES.map((c) => <option key={c} value={c}>{t(`rejection.${c}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="reason">{t('staff.detail.reason')}</label>
          {errorText('reason')}
          <textarea id="reason" name="reason" dir="auto" defaultValue={problem?.field === 'reason' || problem?.field === 'category' ? problem.value : undefined} {...fieldProps('reason')} />
        </div>
        <button className="button button-danger" type="submit" name="intent" value="reject">{t('staff.detail.reject')}</button>
      </Form>
      <Form method="post">
        {guard}
        <div className="field">
          <label htmlFor="message">{t('staff.detail.changesMessage')}</label>
          {errorText('message')}
          <textarea id="message" name="message" dir="auto" defaultValue={errorOf('message')?.value} {...fieldProps('message')} />
        </div>
        <button className="button button-secondary" type="submit" name="intent" value="changes">{t('staff.detail.requestChanges')}</button>
      </Form>
      <Form method="post">
        {guard}
        <div className="field">
          <label htmlFor="original">{t('staff.detail.original')}</label>
          <p id="original-hint" className="hint">{t('staff.detail.originalHint')}</p>
          {errorText('original')}
          <input id="original" name="original" dir="ltr" defaultValue={errorOf('original')?.value} {...fieldProps('original')} />
        </div>
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
