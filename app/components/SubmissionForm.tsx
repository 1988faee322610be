import { Form } from '@remix-run/react';
import { isMessageKey, type MessageKey } from '../i18n/translate';
import { useLocale } from '../lib/route-locale';
import type { AttachmentRules, ForumLimits, RequirableField } from '../../db/schema/forums';
import { CONSTITUENCY_KEYS, constituencyLabel } from '../modules/taxonomy/constituencies';
import { OBJECTIVE_KEYS, objectiveLabel } from '../modules/taxonomy/objectives';
import type { CallState } from '../modules/forums/call-window';
import { PRINCIPLE_KEYS, principleLabel } from '../modules/taxonomy/principles';
import { SUBMITTER_TYPE_KEYS, submitterTypeLabel } from '../modules/taxonomy/submitter-types';
import { Checkbox, ChoiceGroup, ErrorSummary, SelectField, TextArea, TextField } from './form-fields';
import { AttachmentsField, type HeldFile } from './AttachmentsField';
import { LateCodeForm } from './LateCodeForm';
import { VisitorTime } from './VisitorTime';

export interface SubmissionFormProps {
  forum: {
    slug: string;
    name: string;
    state: CallState;
    closesAt: string;
    closesAtIso: string;
    timeZone: string;
    limits: ForumLimits;
    requiredFields: RequirableField[];
    publishNameByDefault: boolean;
    publishOrganisationByDefault: boolean;
    attachmentRules: AttachmentRules;
  };
  /** Files held for this form, and files refused by the last POST ('new' mode only). */
  attachments?: { held: HeldFile[]; refused: Array<{ fileName: string; problem: string }> };
  /** A checked late-access code (normalised): the form opens although the call closed. */
  lateCode?: string;
  /** A late-access code was given but is not valid (wrong, expired or revoked). */
  lateCodeRefused?: boolean;
  /**
   * Country and language names in the interface language, made on the server: names from Intl
   * differ between the server's and the browser's ICU data, and hydration needs identical text.
   */
  choices: { countries: Array<{ value: string; label: string }>; languages: Array<{ value: string; label: string }> };
  idempotencyKey: string;
  /** 'edit': the submitter's edit after changes were requested (no drafts; the address is fixed). */
  mode?: 'new' | 'edit';
  /** The draft this form continues (its link token), and what to tell about drafts. */
  draft: { token?: string; expiresAt?: string; notice?: 'draft.saved' | 'draft.resumed' | 'draft.closed' | 'draft.savedNoLink' };
  /** Signed issue time of the form (minimum fill time). */
  formStamp: string;
  retryAfterMinutes?: number;
  errors: Record<string, string>;
  values?: Partial<Record<string, string | string[]>>;
}

/** Field order of the form; also the order of the error summary. */
const FIELD_LABELS: Array<[field: string, label: MessageKey]> = [
  ['submitterType', 'form.submitterType'],
  ['contactName', 'form.contactName'],
  ['organisation', 'form.organisation'],
  ['email', 'form.email'],
  ['constituency', 'form.constituency'],
  ['country', 'form.country'],
  ['title', 'form.inputTitle'],
  ['summary', 'form.summary'],
  ['body', 'form.body'],
  ['language', 'form.language'],
  ['objectives', 'form.objectives'],
  ['principles', 'form.principles'],
  ['consentPublication', 'form.consentPublication'],
  ['publishName', 'form.publishName'],
  ['publishOrganisation', 'form.publishOrganisation'],
  ['publishAttachments', 'form.publishAttachments'],
  ['attachments', 'form.section.attachments'],
];

export function SubmissionForm(props: SubmissionFormProps) {
  const { forum, choices, draft, mode = 'new', idempotencyKey, formStamp, retryAfterMinutes, errors, lateCode, lateCodeRefused } = props;
  // No values yet on the first render: that is when the call's publication defaults apply.
  const firstRender = props.values === undefined;
  const values = props.values ?? {};
  const { locale, t } = useLocale();
  const message = (key?: string) => (key && isMessageKey(key) ? t(key) : key ? t('error.invalid') : undefined);
  const text = (field: string) => (typeof values[field] === 'string' ? (values[field] as string) : undefined);
  const list = (field: string) => (Array.isArray(values[field]) ? (values[field] as string[]) : []);
  const checked = (field: string) => Boolean(text(field));
  const requires = (field: RequirableField) => forum.requiredFields.includes(field);
  const { summaryMinChars, bodyMinWords } = forum.limits;
  // Edits asked for by the secretariat are welcome after the call closed, too.
  const accepting = mode === 'edit' || forum.state === 'open' || (forum.state === 'closed' && lateCode !== undefined);
  const summary = FIELD_LABELS.filter(([f]) => errors[f]).map(([f, label]) => ({
    field: f,
    label: t(label),
    message: f === 'attachments' && isMessageKey(errors[f]) ? t(errors[f], { count: forum.attachmentRules.maxCount }) : message(errors[f])!,
  }));
  const common = { requiredText: t('form.required') };
  // Files are taken with new inputs only; an edit keeps the files sent first.
  const takesFiles = mode === 'new' && forum.attachmentRules.maxCount > 0;

  return (
    <>
      <h1>{t(mode === 'edit' ? 'form.editTitle' : 'form.title', { forum: forum.name })}</h1>
      {mode === 'new' ? (
        <p className="notice">
          {t('call.deadlineRule', { date: forum.closesAt })}
          <VisitorTime at={forum.closesAtIso} forumZone={forum.timeZone} />
        </p>
      ) : null}
      {mode === 'new' && forum.state === 'closed' && lateCode ? <p className="notice" role="status">{t('late.active', { date: forum.closesAt })}</p> : null}
      {errors.form ? (
        <p className="notice notice-error" role="alert">
          {errors.form === 'error.rateLimited' ? t('error.rateLimited', { minutes: retryAfterMinutes ?? 60 }) : message(errors.form)}
        </p>
      ) : null}
      {draft.notice ? (
        <p className={draft.notice === 'draft.closed' ? 'notice notice-error' : 'notice'} role="status">
          {t(draft.notice, { date: draft.expiresAt ?? '' })}
        </p>
      ) : null}
      <ErrorSummary title={t('form.errorSummary', { count: summary.length })} errors={summary} />
      {!accepting && forum.state === 'closed' ? (
        <LateCodeForm closesAt={forum.closesAt} refused={lateCodeRefused} />
      ) : !accepting ? (
        <p>{t('call.notOpen')}</p>
      ) : (
        <Form method="post" noValidate encType={takesFiles ? 'multipart/form-data' : undefined}>
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          {/* Checked again on the server when the form is sent: a code revoked meanwhile lets nothing in. */}
          {lateCode ? <input type="hidden" name="late" value={lateCode} /> : null}
          <input type="hidden" name="formStamp" value={formStamp} />
          {draft.token ? <input type="hidden" name="draftToken" value={draft.token} /> : null}
          {/* Honeypot: invisible to people and skipped by assistive technology; bots fill it. */}
          <div className="visually-hidden" aria-hidden="true">
            <label htmlFor="website">{t('form.honeypot')}</label>
            <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
          </div>
          <p>{t('form.intro')}</p>
          <h2>{t('form.section.you')}</h2>
          <ChoiceGroup {...common} kind="radio" name="submitterType" label={t('form.submitterType')} required error={message(errors.submitterType)}
            defaultValues={text('submitterType') ? [text('submitterType')!] : []}
            options={SUBMITTER_TYPE_KEYS.map((k) => ({ value: k, label: submitterTypeLabel(k, locale) }))} />
          <TextField {...common} name="contactName" label={t('form.contactName')} required autoComplete="name" dir="auto" defaultValue={text('contactName')} error={message(errors.contactName)} />
          <TextField {...common} name="organisation" label={t(requires('organisation') ? 'form.organisation.always' : 'form.organisation')} required={requires('organisation')}
            hint={requires('organisation') ? undefined : t('form.organisation.hint')} autoComplete="organization" dir="auto" defaultValue={text('organisation')} error={message(errors.organisation)} />
          <TextField {...common} name="email" type="email" dir="ltr" label={t('form.email')} hint={t(mode === 'edit' ? 'form.email.fixed' : 'form.email.hint')} required readOnly={mode === 'edit'} autoComplete="email" defaultValue={text('email')} error={message(errors.email)} />
          <SelectField {...common} name="constituency" label={t('form.constituency')} required placeholder={t('form.choose')} defaultValue={text('constituency')} error={message(errors.constituency)}
            options={CONSTITUENCY_KEYS.map((k) => ({ value: k, label: constituencyLabel(k, locale) }))} />
          <SelectField {...common} name="country" label={t('form.country')} hint={t('form.country.hint')} required placeholder={t('form.choose')} defaultValue={text('country')} error={message(errors.country)}
            options={choices.countries} />
          <h2>{t('form.section.input')}</h2>
          <SelectField {...common} name="language" label={t('form.language')} required placeholder={t('form.choose')} defaultValue={text('language')} error={message(errors.language)}
            options={choices.languages} />
          <TextField {...common} name="title" label={t('form.inputTitle')} required dir="auto" defaultValue={text('title')} error={message(errors.title)} />
          <TextArea {...common} name="summary" label={t('form.summary')} required hint={summaryMinChars ? t('form.summary.hintRange', { min: summaryMinChars, max: forum.limits.summaryMaxChars }) : t('form.summary.hint', { max: forum.limits.summaryMaxChars })}
            limit={{ unit: 'characters', max: forum.limits.summaryMaxChars }} defaultValue={text('summary')} error={message(errors.summary)} />
          <TextArea {...common} name="body" long label={t('form.body')} required hint={bodyMinWords ? t('form.body.hintRange', { min: bodyMinWords, max: forum.limits.bodyMaxWords }) : t('form.body.hint', { max: forum.limits.bodyMaxWords })}
            limit={{ unit: 'words', max: forum.limits.bodyMaxWords }} defaultValue={text('body')} error={message(errors.body)} />
          <ChoiceGroup {...common} kind="checkbox" name="objectives" label={t('form.objectives')} required hint={t('form.objectives.hint')} error={message(errors.objectives)}
            defaultValues={list('objectives')}
            options={OBJECTIVE_KEYS.map((k) => ({ value: k, label: objectiveLabel(k, locale) }))} />
          <ChoiceGroup {...common} kind="checkbox" name="principles" label={t('form.principles')} required={requires('principles')}
            hint={t(requires('principles') ? 'form.objectives.hint' : 'form.principles.hint')} error={message(errors.principles)}
            defaultValues={list('principles')}
            options={PRINCIPLE_KEYS.map((k) => ({ value: k, label: principleLabel(k, locale) }))} />
          <h2>{t('form.section.publication')}</h2>
          <p>{t('form.publication.intro')}</p>
          <Checkbox name="consentPublication" label={t('form.consentPublication')} defaultChecked={checked('consentPublication')} error={message(errors.consentPublication)} />
          <Checkbox name="publishName" label={t('form.publishName')} defaultChecked={firstRender ? forum.publishNameByDefault : checked('publishName')} error={message(errors.publishName)} />
          <Checkbox name="publishOrganisation" label={t('form.publishOrganisation')} defaultChecked={firstRender ? forum.publishOrganisationByDefault : checked('publishOrganisation')} error={message(errors.publishOrganisation)} />
          {takesFiles ? (
            <Checkbox name="publishAttachments" label={t('form.publishAttachments')} defaultChecked={checked('publishAttachments')} error={message(errors.publishAttachments)} />
          ) : null}
          {takesFiles ? (
            <AttachmentsField
              t={t}
              locale={locale}
              rules={forum.attachmentRules}
              held={props.attachments?.held ?? []}
              refused={props.attachments?.refused ?? []}
              error={errors.attachments}
              uploadUrl={`/${locale}/forums/${forum.slug}/attachments`}
            />
          ) : null}
          <div className="form-actions">
            <button className="button" type="submit">{t(mode === 'edit' ? 'form.resubmit' : 'form.submit')}</button>
            {/* Drafts belong to an open call; someone let in late with a code sends at once. */}
            {mode === 'new' && forum.state === 'open' ? (
              <button className="button button-secondary" type="submit" name="intent" value="draft" aria-describedby="draft-hint">
                {t('form.saveDraft')}
              </button>
            ) : null}
          </div>
          {mode === 'new' && forum.state === 'open' ? <p id="draft-hint" className="hint">{t('form.saveDraft.hint')}</p> : null}
        </Form>
      )}
    </>
  );
}
