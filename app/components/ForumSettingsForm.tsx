import { CsrfField } from './CsrfField';
import { Form, useNavigation } from '@remix-run/react';
import { isMessageKey, type MessageKey } from '../i18n/translate';
import { useLocale } from '../lib/route-locale';
import type { RawForumSettings } from '../modules/forums/forum-settings';
import { ATTACHMENT_TYPES, FORUM_SCOPES, NUMBER_BOUNDS, REQUIRABLE_FIELDS, REQUIRED_TEXT_LANGUAGES, type NumberField } from '../modules/forums/forum-settings';
import { UN_LANGUAGES } from '../modules/taxonomy/locales';
import { regionLabel } from '../modules/taxonomy/regions';
import { Checkbox, ChoiceGroup, ErrorSummary, SelectField, TextArea, TextField } from './form-fields';
import { Instant } from './Instant';
import { Interpolate } from './Interpolate';
import type { StaffInstant } from '../modules/time/format-instant';

type Option = { value: string; label: string };

export interface ForumSettingsFormProps {
  mode: 'create' | 'edit';
  values: RawForumSettings;
  errors: Record<string, string>;
  /** Names from Intl made on the server, so the browser renders the same text (hydration). */
  choices: { languages: Option[]; timeZones: { dutyStations: Option[]; all: Option[] } };
  /** Edit only: the version the admin sees, sent back so a concurrent edit is detected. */
  version?: number;
  /** Edit only: the stored instants in UTC, so the admin can check the conversion. */
  storedAs?: { opensAt: StaffInstant; closesAt: StaffInstant };
}

const OPTIONAL_LANGUAGES = UN_LANGUAGES.filter((l) => !(REQUIRED_TEXT_LANGUAGES as readonly string[]).includes(l));

/** Field order of the form, which is also the order of the error summary. */
function fieldLabels(languageName: (l: string) => string, t: ReturnType<typeof useLocale>['t']): Array<[string, string]> {
  const texts = [...REQUIRED_TEXT_LANGUAGES, ...OPTIONAL_LANGUAGES].flatMap((l) => [
    [`name_${l}`, t('forumAdmin.name', { language: languageName(l) })] as [string, string],
    [`guidance_${l}`, t('forumAdmin.guidance', { language: languageName(l) })] as [string, string],
  ]);
  const keyed: Array<[string, MessageKey]> = [
    ['slug', 'forumAdmin.slug'], ['referencePrefix', 'forumAdmin.referencePrefix'], ['scope', 'forumAdmin.scope'],
  ];
  const rest: Array<[string, MessageKey]> = [
    ['timeZone', 'forumAdmin.timeZone'], ['opensAt', 'forumAdmin.opensAt'], ['closesAt', 'forumAdmin.closesAt'],
    ['inputLanguages', 'forumAdmin.inputLanguages'], ['titleMaxChars', 'forumAdmin.titleMaxChars'],
    ['summaryMinChars', 'forumAdmin.summaryMinChars'], ['summaryMaxChars', 'forumAdmin.summaryMaxChars'],
    ['bodyMinWords', 'forumAdmin.bodyMinWords'], ['bodyMaxWords', 'forumAdmin.bodyMaxWords'],
    ['attachmentTypes', 'forumAdmin.attachmentTypes'], ['attachmentMaxSizeMb', 'forumAdmin.attachmentMaxSizeMb'],
    ['attachmentMaxCount', 'forumAdmin.attachmentMaxCount'], ['requiredFields', 'forumAdmin.requiredFields'],
  ];
  return [...keyed.map(([f, k]) => [f, t(k)] as [string, string]), ...texts, ...rest.map(([f, k]) => [f, t(k)] as [string, string])];
}

/** Create and edit a forum: one form, sectioned as an admin thinks about a call. Works without JavaScript. */
export function ForumSettingsForm({ mode, values, errors, choices, version, storedAs }: ForumSettingsFormProps) {
  const { locale, t } = useLocale();
  const busy = useNavigation().state === 'submitting';
  const message = (key?: string) => (key && isMessageKey(key) ? t(key) : key ? t('error.invalid') : undefined);
  const text = (field: string) => (typeof values[field] === 'string' ? (values[field] as string) : undefined);
  const list = (field: string) => (Array.isArray(values[field]) ? (values[field] as string[]) : []);
  const languageName = (l: string) => choices.languages.find((o) => o.value === l)?.label ?? l;
  const summary = fieldLabels(languageName, t)
    .filter(([f]) => errors[f])
    .map(([field, label]) => ({ field, label, message: message(errors[field])! }));
  const common = { requiredText: t('form.required') };
  const number = (field: NumberField, label: MessageKey, optional = false) => (
    <TextField {...common} name={field} label={t(label)} required={!optional} inputMode="numeric" className="narrow" dir="ltr"
      hint={t(optional ? 'forumAdmin.range.optionalHint' : field === 'attachmentMaxCount' ? 'forumAdmin.attachmentMaxCount.hint' : 'forumAdmin.range.hint', { min: NUMBER_BOUNDS[field][0], max: NUMBER_BOUNDS[field][1] })}
      defaultValue={text(field)} error={message(errors[field])} />
  );
  const texts = (l: string) => (
    <fieldset key={l}>
      <legend lang={l}>{languageName(l)}</legend>
      <TextField {...common} name={`name_${l}`} label={t('forumAdmin.name', { language: languageName(l) })} required={l === 'en' || l === 'ar'}
        lang={l} dir="auto" defaultValue={text(`name_${l}`)} error={message(errors[`name_${l}`])} />
      <TextArea {...common} name={`guidance_${l}`} label={t('forumAdmin.guidance', { language: languageName(l) })} required={l === 'en' || l === 'ar'}
        lang={l} defaultValue={text(`guidance_${l}`)} error={message(errors[`guidance_${l}`])} />
    </fieldset>
  );
  const otherTextsGiven = OPTIONAL_LANGUAGES.some((l) => text(`name_${l}`) || text(`guidance_${l}`) || errors[`name_${l}`] || errors[`guidance_${l}`]);

  return (
    <>
      <ErrorSummary title={t('form.errorSummary', { count: summary.length })} errors={summary} />
      {/* A key per version: after a refused stale edit the fields show the current settings. */}
      <Form method="post" noValidate key={version ?? 'new'}>
        <CsrfField />
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
        <p>{t('forumAdmin.intro')}</p>

        <h2>{t('forumAdmin.section.identity')}</h2>
        <TextField {...common} name="slug" label={t('forumAdmin.slug')} hint={t('forumAdmin.slug.hint')} required dir="ltr" autoComplete="off"
          defaultValue={text('slug')} error={message(errors.slug)} />
        <TextField {...common} name="referencePrefix" label={t('forumAdmin.referencePrefix')} hint={t('forumAdmin.referencePrefix.hint')} required dir="ltr"
          className="narrow" autoComplete="off" defaultValue={text('referencePrefix')} error={message(errors.referencePrefix)} />
        <SelectField {...common} name="scope" label={t('forumAdmin.scope')} required defaultValue={text('scope')} error={message(errors.scope)}
          options={FORUM_SCOPES.map((s) => ({ value: s, label: s === 'global' ? t('forumAdmin.scope.global') : regionLabel(s, locale) }))} />

        <h2>{t('forumAdmin.section.texts')}</h2>
        <p className="hint">{t('forumAdmin.texts.intro')}</p>
        {REQUIRED_TEXT_LANGUAGES.map(texts)}
        <details open={otherTextsGiven}>
          <summary>{t('forumAdmin.texts.other')}</summary>
          {OPTIONAL_LANGUAGES.map(texts)}
        </details>

        <h2>{t('forumAdmin.section.call')}</h2>
        <SelectField {...common} name="timeZone" label={t('forumAdmin.timeZone')} hint={t('forumAdmin.timeZone.hint')} required
          defaultValue={text('timeZone')} error={message(errors.timeZone)} options={[]}
          groups={[
            { label: t('forumAdmin.timeZone.dutyStations'), options: choices.timeZones.dutyStations },
            { label: t('forumAdmin.timeZone.all'), options: choices.timeZones.all },
          ]} />
        <TextField {...common} type="datetime-local" name="opensAt" label={t('forumAdmin.opensAt')} required
          hint={<>{t('forumAdmin.dateTime.hint')}{storedAs ? <> <Interpolate template={t('forumAdmin.storedAs')} values={{ instant: <Instant at={storedAs.opensAt} /> }} /></> : null}</>}
          defaultValue={text('opensAt')} error={message(errors.opensAt)} />
        <TextField {...common} type="datetime-local" name="closesAt" label={t('forumAdmin.closesAt')} required
          hint={<>{t('forumAdmin.dateTime.hint')}{storedAs ? <> <Interpolate template={t('forumAdmin.storedAs')} values={{ instant: <Instant at={storedAs.closesAt} /> }} /></> : null}</>}
          defaultValue={text('closesAt')} error={message(errors.closesAt)} />

        <h2>{t('forumAdmin.section.input')}</h2>
        <ChoiceGroup {...common} kind="checkbox" name="inputLanguages" label={t('forumAdmin.inputLanguages')} required hint={t('form.objectives.hint')}
          defaultValues={list('inputLanguages')} error={message(errors.inputLanguages)} options={choices.languages} />
        {number('titleMaxChars', 'forumAdmin.titleMaxChars')}
        {number('summaryMinChars', 'forumAdmin.summaryMinChars', true)}
        {number('summaryMaxChars', 'forumAdmin.summaryMaxChars')}
        {number('bodyMinWords', 'forumAdmin.bodyMinWords', true)}
        {number('bodyMaxWords', 'forumAdmin.bodyMaxWords')}

        <h2>{t('forumAdmin.section.attachments')}</h2>
        <p className="hint">{t('forumAdmin.attachments.intro')}</p>
        <ChoiceGroup {...common} kind="checkbox" name="attachmentTypes" label={t('forumAdmin.attachmentTypes')} defaultValues={list('attachmentTypes')}
          error={message(errors.attachmentTypes)} options={ATTACHMENT_TYPES.map((a) => ({ value: a, label: t(`forumAdmin.attachmentType.${a}`) }))} />
        {number('attachmentMaxSizeMb', 'forumAdmin.attachmentMaxSizeMb')}
        {number('attachmentMaxCount', 'forumAdmin.attachmentMaxCount')}

        <h2>{t('forumAdmin.section.form')}</h2>
        <ChoiceGroup {...common} kind="checkbox" name="requiredFields" label={t('forumAdmin.requiredFields')} defaultValues={list('requiredFields')}
          error={message(errors.requiredFields)} options={REQUIRABLE_FIELDS.map((f) => ({ value: f, label: t(`forumAdmin.requiredField.${f}`) }))} />
        <fieldset aria-describedby="publication-defaults-hint">
          <legend>{t('forumAdmin.publicationDefaults')}</legend>
          <p id="publication-defaults-hint" className="hint">{t('forumAdmin.publicationDefaults.hint')}</p>
          <Checkbox name="publishNameByDefault" label={t('forumAdmin.publishNameByDefault')} defaultChecked={Boolean(text('publishNameByDefault'))} />
          <Checkbox name="publishOrganisationByDefault" label={t('forumAdmin.publishOrganisationByDefault')} defaultChecked={Boolean(text('publishOrganisationByDefault'))} />
        </fieldset>
        <fieldset aria-describedby="decision-emails-hint">
          <legend>{t('forumAdmin.decisionEmails')}</legend>
          <p id="decision-emails-hint" className="hint">{t('forumAdmin.decisionEmails.hint')}</p>
          <Checkbox name="holdDecisionEmails" label={t('forumAdmin.holdDecisionEmails')} defaultChecked={Boolean(text('holdDecisionEmails'))} />
        </fieldset>

        <button className="button" type="submit" disabled={busy}>{t(mode === 'create' ? 'forumAdmin.create' : 'forumAdmin.save')}</button>
      </Form>
    </>
  );
}
