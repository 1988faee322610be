/**
 * The attached-files part of the submission form. Files already held for this form (from an
 * earlier round trip or a draft) are listed with a way to remove each, and travel on as hidden
 * tokens; new files are chosen with a plain file input, so the form works without JavaScript.
 * It comes last on the form: a browser sends fields in order, so whatever happens to the files,
 * every text field has already arrived. With JavaScript, each chosen file is sent at once to the
 * upload endpoint instead, with a progress bar and a way to cancel, and joins the held list.
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { isMessageKey } from '../i18n/translate';
import { useLocale } from '../lib/route-locale';
import type { AttachmentRules } from '../../db/schema/forums';
import { ATTACHMENT_TYPES } from '../modules/attachments/attachment-types';
import { fileSizeLabel } from '../modules/attachments/file-size';

export interface HeldFile {
  token: string;
  fileName: string;
  sizeBytes: number;
}

interface Refused {
  fileName: string;
  problem: string;
}

type UploadAnswer = { held: HeldFile[]; refused: Refused[] } | { problem: string; retryAfterMinutes?: number };
type UploadOutcome = { answer: UploadAnswer } | { cancelled: true } | { failed: true };

export function AttachmentsField(props: {
  rules: AttachmentRules;
  held: HeldFile[];
  refused: Refused[];
  error?: string;
  /** Where the form's files go one by one when JavaScript runs. */
  uploadUrl: string;
  lateCode?: string;
  /** Told when an upload starts and ends, so the form is not sent while one is under way. */
  onBusyChange?: (busy: boolean) => void;
}) {
  const { rules, error, uploadUrl, lateCode, onBusyChange } = props;
  const { t, locale } = useLocale();
  // The server's lists, until an upload made here replaces them; a new server answer resets them.
  const [held, setHeld] = useState(props.held);
  const [refused, setRefused] = useState(props.refused);
  const serverLists = JSON.stringify([props.held.map((h) => h.token), props.refused]);
  useEffect(() => {
    setHeld(props.held);
    setRefused(props.refused);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- compared by value, not identity
  }, [serverLists]);
  const [progress, setProgress] = useState<{ name: string; loaded: number; total: number } | null>(null);
  const request = useRef<XMLHttpRequest | null>(null);

  const problem = (key: string, minutes?: number) => (isMessageKey(key) ? t(key, { count: rules.maxCount, minutes: minutes ?? 60 }) : t('error.invalid'));
  const types = rules.allowedTypes.map((type) => t(`file.kind.${type}`)).join(', ');
  const accept = rules.allowedTypes.flatMap((type) => [...ATTACHMENT_TYPES[type].extensions.map((e) => `.${e}`), ATTACHMENT_TYPES[type].mime.split(';')[0]]).join(',');
  const shownError = refused.length > 0 || error;
  const describedBy = ['attachments-rules', 'attachments-hint', shownError ? 'attachments-error' : null].filter(Boolean).join(' ');

  function send(file: File, current: HeldFile[]): Promise<UploadOutcome> {
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      request.current = xhr;
      const body = new FormData();
      for (const h of current) body.append('attachment', h.token);
      if (lateCode) body.append('late', lateCode);
      body.append('attachments', file, file.name);
      xhr.upload.onprogress = (e) => setProgress({ name: file.name, loaded: e.loaded, total: e.total || file.size });
      xhr.onload = () => {
        try {
          resolve({ answer: JSON.parse(xhr.responseText) as UploadAnswer });
        } catch {
          resolve({ failed: true });
        }
      };
      xhr.onerror = () => resolve({ failed: true });
      xhr.onabort = () => resolve({ cancelled: true });
      xhr.open('POST', uploadUrl);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.send(body);
    });
  }

  async function uploadChosen(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const chosen = [...(input.files ?? [])];
    if (chosen.length === 0) return;
    // The files leave the form: they are sent now, one at a time, and come back as held tokens.
    input.value = '';
    onBusyChange?.(true);
    let current = held;
    const problems: Refused[] = [];
    for (const file of chosen) {
      setProgress({ name: file.name, loaded: 0, total: file.size });
      const outcome = await send(file, current);
      if ('cancelled' in outcome) {
        problems.push({ fileName: file.name, problem: 'form.attachments.cancelled' });
        break;
      }
      if ('failed' in outcome) problems.push({ fileName: file.name, problem: 'form.attachments.failed' });
      else if ('held' in outcome.answer) {
        current = outcome.answer.held;
        problems.push(...outcome.answer.refused);
      } else problems.push({ fileName: file.name, problem: outcome.answer.problem });
    }
    request.current = null;
    setProgress(null);
    setHeld(current);
    setRefused(problems);
    onBusyChange?.(false);
  }

  return (
    <section aria-labelledby="attachments-title">
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
        {progress ? (
          <div className="upload-progress" role="status">
            <span>{t('form.attachments.uploading', { name: progress.name })}</span>
            <progress max={progress.total || 1} value={progress.loaded} aria-label={t('form.attachments.uploading', { name: progress.name })} />
            <span>{Math.round((progress.loaded / (progress.total || 1)) * 100)}%</span>
            <button type="button" className="button button-secondary" onClick={() => request.current?.abort()}>
              {t('form.attachments.cancel')}
            </button>
          </div>
        ) : null}
        <input
          id="attachments"
          name="attachments"
          type="file"
          multiple={rules.maxCount > 1}
          accept={accept}
          aria-describedby={describedBy}
          aria-invalid={shownError ? true : undefined}
          onChange={uploadChosen}
        />
      </div>
    </section>
  );
}
