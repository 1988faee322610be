/**
 * Files chosen on the submission form are sent at once to the upload endpoint, with the files the
 * form already holds, while a progress bar shows how far they are and a button cancels. The answer
 * is the attachments section rendered anew by the server (components/AttachmentsField.tsx), which
 * takes this one's place; the form's send buttons wait meanwhile. A refused request, a cancel or a
 * dropped connection names the files and says why, and the files held before stay held.
 */
import { pageMessage } from './messages';

type Outcome = { status: number; text: string } | 'cancelled' | 'failed';

export function enhanceUploads(root: Document): void {
  root.addEventListener('change', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files?.length || !input.form) return;
    const section = input.closest<HTMLElement>('section[data-upload-url]');
    if (section) void upload(section, input, input.form);
  });
}

async function upload(section: HTMLElement, input: HTMLInputElement, form: HTMLFormElement): Promise<void> {
  const files = [...input.files!];
  // The files leave the form now: they come back as held tokens, not as a second copy.
  input.value = '';
  const body = new FormData();
  for (const name of ['attachment', 'removeAttachment']) {
    for (const field of form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) {
      if (field.type !== 'checkbox' || field.checked) body.append(name, field.value);
    }
  }
  const late = form.elements.namedItem('late');
  if (late instanceof HTMLInputElement) body.append('late', late.value);
  for (const file of files) body.append('attachments', file, file.name);

  // Words the browser's own Intl gives are fine here: this text is written by this script, never hydrated.
  const names = typeof Intl.ListFormat === 'function' ? new Intl.ListFormat(document.documentElement.lang, { type: 'conjunction' }).format(files.map((f) => f.name)) : files.map((f) => f.name).join(', ');
  const buttons = [...form.querySelectorAll<HTMLButtonElement>('button[type="submit"]')];
  for (const b of buttons) b.disabled = true;
  const outcome = await send(section, body, names);
  for (const b of buttons) b.disabled = false;

  if (outcome === 'cancelled') showRefused(section, files, section.dataset.cancelled!);
  else if (outcome === 'failed') showRefused(section, files, section.dataset.failed!);
  else if (outcome.status === 200) replaceSection(section, outcome.text);
  else showRefused(section, files, outcome.text);
}

function send(section: HTMLElement, body: FormData, names: string): Promise<Outcome> {
  const progress = section.querySelector<HTMLElement>('.upload-progress')!;
  const bar = progress.querySelector('progress')!;
  const percent = progress.querySelector<HTMLElement>('[data-progress-percent]')!;
  const cancel = progress.querySelector<HTMLButtonElement>('[data-cancel-upload]')!;
  const label = pageMessage(progress.dataset.message, { name: names });
  const percentFormat = new Intl.NumberFormat(document.documentElement.lang, { style: 'percent' });
  progress.querySelector('[data-progress-text]')!.textContent = label;
  bar.setAttribute('aria-label', label);
  const show = (loaded: number, total: number) => {
    bar.max = total || 1;
    bar.value = loaded;
    percent.textContent = percentFormat.format(total ? loaded / total : 0);
  };
  show(0, 1);
  progress.hidden = false;

  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const done = (outcome: Outcome) => {
      progress.hidden = true;
      cancel.onclick = null;
      resolve(outcome);
    };
    cancel.onclick = () => xhr.abort();
    xhr.upload.onprogress = (e) => show(e.loaded, e.total);
    xhr.onload = () => done({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => done('failed');
    xhr.onabort = () => done('cancelled');
    xhr.open('POST', section.dataset.uploadUrl!);
    xhr.send(body);
  });
}

function replaceSection(section: HTMLElement, html: string): void {
  const template = document.createElement('template');
  template.innerHTML = html;
  const fresh = template.content.querySelector('section');
  if (!fresh) return;
  section.replaceWith(fresh);
  fresh.querySelector<HTMLInputElement>('input[type="file"]')?.focus();
}

/** Names each file with the reason, where the section lists refused files, and points the input at it. */
function showRefused(section: HTMLElement, files: File[], reason: string): void {
  const list = document.createElement('ul');
  list.id = 'attachments-error';
  list.className = 'field-error file-list';
  list.setAttribute('aria-label', section.dataset.refusedLabel!);
  for (const file of files) {
    const item = document.createElement('li');
    const name = document.createElement('bdi');
    name.className = 'file-name';
    name.textContent = file.name;
    item.append(name, `: ${reason}`);
    list.append(item);
  }
  const input = section.querySelector<HTMLInputElement>('input[type="file"]')!;
  const previous = section.querySelector('#attachments-error');
  if (previous) previous.replaceWith(list);
  else section.querySelector('.upload-progress')!.before(list);
  input.setAttribute('aria-invalid', 'true');
  const described = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  if (!described.includes('attachments-error')) input.setAttribute('aria-describedby', [...described, 'attachments-error'].join(' '));
}
