/**
 * Markup and script in every text field, through every way in: the form, the API, a saved draft
 * and every staff text. Each is kept byte for byte as text, and is followed (script: true) through
 * confirmation, acceptance and every page, e-mail and PDF that shows it, where the canary must
 * hear nothing. File names carry markup too (file-cases.ts).
 */
import { SCRIPT_PAYLOADS } from './script-payloads';
import type { FormField, HostileCase, StaffField } from './types';

const FORM_FIELDS: FormField[] = ['title', 'summary', 'body', 'organisation', 'contactName'];
const STAFF_FIELDS: StaffField[] = ['note', 'reason', 'message', 'public-title', 'public-summary', 'public-body', 'unpublish-reason'];
const slug = (kind: string) => kind.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The payload at its longest (the longest id), to keep it within a contact name's 200 characters. */
const longest = (p: (typeof SCRIPT_PAYLOADS)[number]) => p.make({ canary: `http://127.0.0.1:65535/c/${'x'.repeat(64)}`, canaryHost: '127.0.0.1:65535', caseId: 'x'.repeat(64) }).length;

function fieldFor(start: number, p: (typeof SCRIPT_PAYLOADS)[number]): FormField {
  const field = FORM_FIELDS[start % FORM_FIELDS.length];
  return field === 'contactName' && (p.long || longest(p) > 200) ? 'title' : field;
}

export const MARKUP_CASES: HostileCase[] = SCRIPT_PAYLOADS.flatMap((p, i): HostileCase[] => {
  const form = fieldFor(i, p);
  const api = fieldFor(i + 2, p);
  const cases: HostileCase[] = [
    { id: `form-${form.toLowerCase()}-${slug(p.kind)}`, class: 'markup and script', target: `form ${form}`, send: { via: 'form', field: form, value: p.make }, expect: { outcome: 'kept' }, script: true },
  ];
  // Every other kind through the API too, in another field (the API stores the same columns).
  if (i % 2 === 0) {
    cases.push({ id: `api-${api.toLowerCase()}-${slug(p.kind)}`, class: 'markup and script', target: `API ${api}`, send: { via: 'api', member: api, value: p.make }, expect: { outcome: 'kept' }, script: true });
  }
  // Every staff text, with every fourth payload kind in turn.
  if (i % 4 === 0) {
    const field = STAFF_FIELDS[(i / 4) % STAFF_FIELDS.length];
    cases.push({ id: `staff-${field}-${slug(p.kind)}`, class: 'markup and script', target: `staff ${field}`, send: { via: 'staff', field, value: p.make }, expect: { outcome: 'kept' }, script: true });
  }
  return cases;
});

// The staff texts the rotation above leaves out, and a multipart form and a draft.
MARKUP_CASES.push(
  { id: 'staff-note-script-data-breakout', class: 'markup and script', target: 'staff note', send: { via: 'staff', field: 'note', value: (c) => `</script><script src="${c.canary}"></script>` }, expect: { outcome: 'kept' }, script: true },
  { id: 'staff-reason-img-onerror', class: 'markup and script', target: 'staff reason', send: { via: 'staff', field: 'reason', value: (c) => `Out of scope <img src=x onerror="fetch('${c.canary}')">` }, expect: { outcome: 'kept' }, script: true },
  { id: 'staff-message-quote-break', class: 'markup and script', target: 'staff message', send: { via: 'staff', field: 'message', value: (c) => `Please add sources "><svg onload="fetch('${c.canary}')">` }, expect: { outcome: 'kept' }, script: true },
  { id: 'staff-public-body-textarea-breakout', class: 'markup and script', target: 'staff public-body', send: { via: 'staff', field: 'public-body', value: (c) => `</textarea><script src="${c.canary}"></script>` }, expect: { outcome: 'kept' }, script: true },
  { id: 'staff-unpublish-reason-meta', class: 'markup and script', target: 'staff unpublish-reason', send: { via: 'staff', field: 'unpublish-reason', value: (c) => `<meta http-equiv="refresh" content="0;url=${c.canary}">` }, expect: { outcome: 'kept' }, script: true },
  {
    id: 'form-multipart-title-svg',
    class: 'markup and script',
    target: 'form title (multipart)',
    send: { via: 'form', field: 'title', encoding: 'multipart', value: (c) => `<svg><script>fetch('${c.canary}')</script></svg>` },
    expect: { outcome: 'kept' },
    script: true,
  },
  {
    id: 'draft-title-img-onerror',
    class: 'markup and script',
    target: 'form title (saved draft)',
    send: { via: 'form', field: 'title', intent: 'draft', value: (c) => `<img src=x onerror="fetch('${c.canary}')"> draft` },
    expect: { outcome: 'kept' },
    script: true,
  },
);
