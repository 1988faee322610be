/**
 * The attached-files part of the submission form. Files already held for this form (from an
 * earlier round trip or a draft) are listed with a way to remove each, and travel on as hidden
 * tokens; new files are chosen with a plain file input, so the form works without JavaScript.
 * It comes last on the form: a browser sends fields in order, so whatever happens to the files,
 * every text field has already arrived.
 *
 * With JavaScript, the enhance script (app/enhance/uploads.ts) sends chosen files at once to the
 * upload endpoint instead, showing progress with a way to cancel, and puts in this section's place
 * the one the endpoint renders with this same component. It takes the translator as a prop so the
 * endpoint can render it outside a page.
 */
import type { AttachmentRules } from '../../db/schema/forums';
import { formatList } from '../i18n/list-format';
import { isMessageKey, messageForms, type Translate } from '../i18n/translate';
import type { InterfaceLocale } from '../modules/taxonomy/locales';
import { ATTACHMENT_TYPES } from '../modules/attachments/attachment-types';
import { fileSizeLabel } from '../modules/attachments/file-size';

export interface HeldFile {
  token: string;
  fileName: string;
  sizeBytes: number;
}

export interface RefusedFile {
  fileName: string;
  problem: string;
}

export interface AttachmentsFieldProps {
  t: Translate;
  locale: InterfaceLocale;
  rules: AttachmentRules;
  held: HeldFile[];
  refused: RefusedFile[];
  error?: string;
  /** Where the enhance script sends the chosen files when JavaScript runs. */
  uploadUrl: string;
}

export function AttachmentsField({ t, locale, rules, held, refused, error, uploadUrl }: AttachmentsFieldProps) {
  const problem = (key: string) => (isMessageKey(key) ? t(key, { count: rules.maxCount, minutes: 60 }) : t('error.invalid'));
  // Rendered on the server only (the form's page and the upload answer), so Intl may word the list.
  const types = formatList(locale, rules.allowedTypes.map((type) => t(`file.kind.${type}`)));
  const accept = rules.allowedTypes.flatMap((type) => [...ATTACHMENT_TYPES[type].extensions.map((e) => `.${e}`), ATTACHMENT_TYPES[type].mime.split(';')[0]]).join(',');
  const shownError = refused.length > 0 || error;
  const describedBy = ['attachments-rules', 'attachments-hint', shownError ? 'attachments-error' : null].filter(Boolean).join(' ');

  return (
    <section
      aria-labelledby="attachments-title"
      data-upload-url={uploadUrl}
      data-refused-label={t('form.attachments.refused')}
      data-cancelled={t('form.attachments.cancelled')}
      data-failed={t('form.attachments.failed')}
    >
      <h2 id="attachments-title">{t('form.section.attachments')}</h2>
      <p id="attachments-rules">{t('form.attachments.rules', { count: rules.maxCount, size: rules.maxSizeMb, types })}</p>
      {held.length > 0 ? (
        <>
          <h3>{t('form.attachments.held')}</h3>
          <ul className="file-list">
            {held.map((file) => (
              <li key={file.token}>
                <input type="hidden" name="attachment" value={file.token} />
                <bdi className="file-name">{file.fileName}</bdi> <span className="hint">({fileSizeLabel(file.sizeBytes, locale)})</span>{' '}
                <label className="file-remove">
                  <input type="checkbox" name="removeAttachment" value={file.token} aria-label={t('form.attachments.removeNamed', { name: file.fileName })} />
                  <span aria-hidden="true">{t('form.attachments.remove')}</span>
                </label>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="field">
        <label htmlFor="attachments">{t('form.attachments.choose')}</label>
        <p id="attachments-hint" className="hint">{t('form.attachments.choose.hint')}</p>
        {/* Each refused file by name and reason; a problem with no file of its own, on its own line. */}
        {refused.length > 0 ? (
          <ul id="attachments-error" className="field-error file-list" aria-label={t('form.attachments.refused')}>
            {refused.map((r, i) => (
              <li key={i}>
                {r.fileName ? <><bdi className="file-name">{r.fileName}</bdi>: </> : null}
                {problem(r.problem)}
              </li>
            ))}
          </ul>
        ) : error ? (
          <p id="attachments-error" className="field-error">{problem(error)}</p>
        ) : null}
        <div className="upload-progress" role="status" hidden data-message={JSON.stringify(messageForms(locale, 'form.attachments.uploading'))}>
          <span data-progress-text />
          <progress max={1} value={0} />
          <span data-progress-percent />
          <button type="button" className="button button-secondary" data-cancel-upload>{t('form.attachments.cancel')}</button>
        </div>
        <input
          id="attachments"
          name="attachments"
          type="file"
          multiple={rules.maxCount > 1}
          accept={accept}
          aria-describedby={describedBy}
          aria-invalid={shownError ? true : undefined}
        />
      </div>
    </section>
  );
}
